import Link from "next/link";
import { SiteHeader } from "./site-header";

/** The public pages' top bar: finding reports and the staff sign-in. */
export function PublicHeader() {
  return (
    <SiteHeader navLabel="网站导航">
      <Link href="/">查找报告</Link>
      <Link href="/login">工作人员登录</Link>
    </SiteHeader>
  );
}
