import { Head, Html, Main, NextScript } from "next/document";

// The document of pages/500.tsx, the only page outside app/: in Chinese, like every other.
export default function Document() {
  return (
    <Html lang="zh-CN">
      <Head />
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
