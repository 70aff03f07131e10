"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";

/**
 * What a page shows when rendering it failed on the server (app/error.tsx and the route
 * groups' own), most often because the database is down or restarting: lib/server/db.ts
 * bounds every wait, so this appears within seconds instead of the page hanging. Production
 * builds hide the error itself; its digest is the one the server logged with it.
 */
export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  // The failure was on the server: fetch the page again, then leave the error state.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <main id="main" className="page page--narrow">
      <title>页面暂时无法显示 · 年报</title>
      <h1>页面暂时无法显示</h1>
      <p className="notice notice--warning" role="alert">
        服务暂时不可用，请稍后重试。已保存的内容不会丢失。
      </p>
      {error.digest && (
        <p className="muted" data-testid="error-digest">
          如果多次重试仍然如此，请联系系统管理员，并告知错误编号 {error.digest}。
        </p>
      )}
      <button className="button" type="button" onClick={retry}>
        重试
      </button>
    </main>
  );
}
