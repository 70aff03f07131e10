"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";

// What a page shows when rendering it failed on the server, most often because the
// database is down or restarting (lib/server/db.ts bounds every wait, so this appears
// within seconds instead of the page hanging). Production builds hide the error itself.
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  // The failure was on the server: fetch the page again, then leave the error state.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <main id="main" className="page">
      <h1>页面暂时无法显示</h1>
      <p className="notice notice--warning" role="alert">
        服务暂时不可用，请稍后重试。已保存的内容不会丢失。
      </p>
      <button className="button" type="button" onClick={retry}>
        重试
      </button>
    </main>
  );
}
