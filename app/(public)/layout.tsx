import Link from "next/link";
import { SiteHeader } from "@/components/ui/site-header";

// Public pages: no session is read here, so they stay cacheable.
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader navLabel="网站导航">
        <Link href="/">查找报告</Link>
        <Link href="/login">工作人员登录</Link>
      </SiteHeader>
      {children}
    </>
  );
}
