import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "年报 · 政府信息公开工作年度报告", template: "%s · 年报" },
  description: "乡镇、街道和县直部门编制、审核、发布政府信息公开工作年度报告。",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <a className="skip-link" href="#main">
          跳到正文
        </a>
        {children}
      </body>
    </html>
  );
}
