import Link from "next/link";
import { SiteHeader } from "@/components/ui/site-header";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser, toActor } from "@/lib/server/session";
import { can } from "@/lib/workflow/policy";
import { signOutAction } from "./sign-out-action";
import { roleLabels } from "@/lib/workflow/roles";

/** The sign-in page, returning to a same-site path only (never `//host` or a URL). */
function signInPathFor(path: string | null): string {
  return path && path.startsWith("/") && !path.startsWith("//") ? `/login?next=${encodeURIComponent(path)}` : "/login";
}

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect(signInPathFor((await headers()).get("x-nianbao-path")));
  // The navigation offers the pages the policy opens to this user.
  const opens = (page: "/clerk" | "/review" | "/review/summary" | "/admin" | "/account/password") =>
    can(toActor(user), "page.open", { page });
  return (
    <>
      <SiteHeader navLabel="工作导航">
        {opens("/clerk") && <Link href="/clerk">我的报告</Link>}
        {opens("/review") && <Link href="/review">审核工作台</Link>}
        {opens("/review/summary") && <Link href="/review/summary">全县汇总</Link>}
        {opens("/admin") && <Link href="/admin">系统管理</Link>}
        {opens("/account/password") && !user.mustChangePassword && <Link href="/account/password">修改密码</Link>}
        <span className="site-header__user" data-testid="current-user">
          {user.name}（{user.organizationName ?? "全部机构"} · {roleLabels[user.role]}）
        </span>
        <form action={signOutAction}>
          <button className="link-button" type="submit">
            退出登录
          </button>
        </form>
      </SiteHeader>
      {children}
    </>
  );
}
