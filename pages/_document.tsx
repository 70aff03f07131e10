import { Head, Html, Main, NextScript } from "next/document";

// The document of the pages outside app/ (pages/500.tsx, pages/_error.tsx): in Chinese, like every other.
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
