import Head from "next/head";
import Link from "next/link";
import type { ReactNode } from "react";

// The pages Next.js answers with outside the app's own rendering (pages/500.tsx,
// pages/_error.tsx) are built as plain HTML without the app's style sheet, so they carry
// their own styles and reload with a plain form.
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

export function StaticErrorPage({
  title,
  notice: text,
  children,
  canReload,
}: {
  title: string;
  notice: string;
  children?: ReactNode;
  /** Offer to load the same address again (the failure may pass; a malformed address will not). */
  canReload: boolean;
}) {
  return (
    <main style={page}>
      <Head>
        <title>{`${title} · 年报`}</title>
      </Head>
      <h1>{title}</h1>
      <p style={notice} role="alert">
        {text}
      </p>
      {children}
      {canReload && (
        <form>
          <button style={button} type="submit">
            重新加载
          </button>
        </form>
      )}
      <p>
        <Link href="/">返回首页</Link>
      </p>
    </main>
  );
}
