import Head from "next/head";
import Link from "next/link";

// The static page Next.js answers with when a request fails outside the rendering of a
// page, where app/error.tsx and app/global-error.tsx cannot answer (a form posted without
// JavaScript whose action failed, a failure in Next.js's own handling). An app made only of
// app/ gets Next's built-in English page there, and app/ has no file convention for it
// (Next.js looks up pages/500 for that answer), hence this one page under pages/. It is
// built once, as plain HTML, so it brings its own styles and reloads with a plain form.
const page = { fontFamily: "system-ui, sans-serif", maxWidth: 560, margin: "0 auto", padding: "32px 16px" };
const notice = { borderLeft: "6px solid #b45309", background: "#f3f2f1", padding: 16, margin: "16px 0" };
const button = {
  font: "inherit",
  fontWeight: 600,
  padding: "8px 16px",
  border: 0,
  color: "#fff",
  background: "#00703c",
};

export default function ServerErrorPage() {
  return (
    <main style={page}>
      <Head>
        <title>页面暂时无法显示 · 年报</title>
      </Head>
      <h1>页面暂时无法显示</h1>
      <p style={notice} role="alert">
        服务暂时不可用，请稍后重试。已保存的内容不会丢失。
      </p>
      <p>如果多次重试仍然如此，请联系系统管理员。</p>
      <form>
        <button style={button} type="submit">
          重新加载
        </button>
      </form>
      <p>
        <Link href="/">返回首页</Link>
      </p>
    </main>
  );
}
