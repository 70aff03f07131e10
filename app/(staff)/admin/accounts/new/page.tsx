import type { Metadata } from "next";
import Link from "next/link";
import { listAdministeredUnits } from "@/lib/accounts/list-administered-units";
import { loadStaffPage } from "@/lib/server/page-guard";
import { assignableRoles } from "@/lib/workflow/policy";
import { CreateAccountForm } from "./create-account-form";

export const metadata: Metadata = { title: "新建账号" };

export default async function NewAccountPage() {
  const { units, roles } = await loadStaffPage({
    page: "/admin/accounts/new",
    path: "/admin/accounts/new",
    action: "account.list",
    authorize: async ({ actor }) => ({ units: await listAdministeredUnits(actor), roles: assignableRoles(actor) }),
  });
  return (
    <main id="main" className="page">
      <p>
        <Link href="/admin/accounts">← 返回账号管理</Link>
      </p>
      <h1>新建账号</h1>
      <p className="lead">
        创建后系统生成初始密码，只显示一次。本人首次登录时须设置自己的新密码。要一次创建多个账号，请用
        <Link href="/admin/accounts/import">批量导入</Link>。
      </p>
      <CreateAccountForm units={units} roles={[...roles]} />
    </main>
  );
}
