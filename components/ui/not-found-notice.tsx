import Link from "next/link";

/**
 * What a missing page says (app/not-found.tsx and the route groups' own). The same words
 * for a page or report that does not exist and one the visitor may not see, so the answer
 * tells nothing about reports that are not theirs.
 */
export function NotFoundNotice() {
  return (
    <main id="main" className="page page--narrow">
      <h1>找不到该页面</h1>
      <p>网址可能有误，或该页面、报告不存在。请检查网址，或从首页重新查找。</p>
      <p>
        <Link href="/">返回首页</Link>
      </p>
    </main>
  );
}
