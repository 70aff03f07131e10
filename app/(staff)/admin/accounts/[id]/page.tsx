import type { Metadata } from "next";
import Link from "next/link";
import { StaffPageLayout } from "@/components/ui/staff-page-layout";
import { formatDateTime } from "@/lib/format/date-time";
import { getAccount } from "@/lib/accounts/get-account";
import { listAdministeredUnits } from "@/lib/accounts/list-administered-units";
import { loadStaffPage } from "@/lib/server/page-guard";
import { assignableRoles } from "@/lib/workflow/policy";
import { roleLabels } from "@/lib/workflow/roles";
import { AccountActions } from "./account-actions";

export const metadata: Metadata = { title: "账号" };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { account, canManage, units, roles } = await loadStaffPage({
    page: "/admin/accounts/[id]",
    params,
    action: "account.read",
    authorize: ({ actor, params: { id } }) => getAccount(actor, id),
    load: async ({ actor, loaded }) => ({
      ...loaded,
      units: loaded.canManage ? await listAdministeredUnits(actor) : [],
      roles: assignableRoles(actor),
    }),
  });
  return (
    <StaffPageLayout
      back={{ href: "/admin/accounts", name: "账号管理" }}
      title={
        <>
          {account.name}（{account.username}）
        </>
      }
    >
      <dl className="summary-list" data-testid="account-summary">
        <dt>单位</dt>
        <dd>{account.organization?.name ?? "不属于任何单位"}</dd>
        <dt>角色</dt>
        <dd>{roleLabels[account.role]}</dd>
        <dt>联系电话</dt>
        <dd>{account.phone ?? "—"}</dd>
        <dt>状态</dt>
        <dd data-testid="account-status">
          {account.disabledAt
            ? `已停用（${formatDateTime(account.disabledAt)}）`
            : account.mustChangePassword
              ? "待本人设置密码"
              : "正常"}
        </dd>
        <dt>创建时间</dt>
        <dd>{formatDateTime(account.createdAt)}</dd>
      </dl>
      <p>
        <Link href={`/admin/audit?user=${encodeURIComponent(account.username)}`}>查看该账号的操作记录</Link>
      </p>
      {canManage ? (
        <AccountActions
          account={{
            id: account.id,
            username: account.username,
            name: account.name,
            role: account.role,
            organizationId: account.organizationId,
            phone: account.phone,
            isDisabled: account.disabledAt !== null,
          }}
          units={units}
          roles={[...roles]}
        />
      ) : (
        <p className="muted">这是您本人的账号或您无权管理的账号。修改本人密码请到“修改密码”页面。</p>
      )}
    </StaffPageLayout>
  );
}
