"use client";

import "./globals.css";

// What is left when even the root layout failed, and the static page Next.js serves for a
// 500 it answers outside the page's own rendering (a form posted without JavaScript whose
// action failed). It replaces the root layout, so it brings its own <html>; the reload is
// a plain form, which works in that static page too.
export default function GlobalError({ error }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body>
        <title>页面暂时无法显示 · 年报</title>
        <main id="main" className="page page--narrow">
          <h1>页面暂时无法显示</h1>
          <p className="notice notice--warning" role="alert">
            服务暂时不可用，请稍后重试。已保存的内容不会丢失。
          </p>
          {error?.digest && (
            <p className="muted">如果多次重试仍然如此，请联系系统管理员，并告知错误编号 {error.digest}。</p>
          )}
          <form>
            <button className="button" type="submit">
              重新加载
            </button>
          </form>
        </main>
      </body>
    </html>
  );
}
