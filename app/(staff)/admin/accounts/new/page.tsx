import type { Metadata } from "next";
import Link from "next/link";
import { StaffPageLayout } from "@/components/ui/staff-page-layout";
import { listAdministeredUnits } from "@/lib/accounts/list-administered-units";
import { loadStaffPage } from "@/lib/server/page-guard";
import { assignableRoles } from "@/lib/workflow/policy";
import { CreateAccountForm } from "./create-account-form";

export const metadata: Metadata = { title: "新建账号" };

export default async function NewAccountPage() {
  const { units, roles } = await loadStaffPage({
    page: "/admin/accounts/new",
    action: "account.list",
    authorize: async ({ actor }) => ({ units: await listAdministeredUnits(actor), roles: assignableRoles(actor) }),
  });
  return (
    <StaffPageLayout
      back={{ href: "/admin/accounts", name: "账号管理" }}
      title="新建账号"
      lead={
        <>
          创建后系统生成初始密码，只显示一次。本人首次登录时须设置自己的新密码。要一次创建多个账号，请用
          <Link href="/admin/accounts/import">批量导入</Link>。
        </>
      }
    >
      <CreateAccountForm units={units} roles={[...roles]} />
    </StaffPageLayout>
  );
}
