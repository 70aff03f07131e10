import type { Metadata } from "next";
import Link from "next/link";
import { StaffPageLayout } from "@/components/ui/staff-page-layout";
import { PagedTable } from "@/components/ui/paged-table";
import { TextField } from "@/components/ui/text-field";
import { UnitFilterForm } from "@/components/ui/unit-select";
import { parseListQuery, type SearchParams } from "@/lib/account-data/list-query";
import { listAccounts } from "@/lib/accounts/list-accounts";
import { withFilterUnits } from "@/lib/accounts/list-administered-units";
import { loadStaffPage } from "@/lib/server/page-guard";
import { roleLabels } from "@/lib/workflow/roles";

export const metadata: Metadata = { title: "账号管理" };

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = parseListQuery(await searchParams);
  const { list, units } = await loadStaffPage({
    page: "/admin/accounts",
    action: "account.list",
    authorize: ({ actor }) =>
      withFilterUnits(actor, listAccounts(actor, { unitId: query.unit, search: query.q, page: query.page })),
  });
  return (
    <StaffPageLayout back={{ href: "/admin", name: "系统管理" }} title="账号管理">
      <p>
        <Link className="button" href="/admin/accounts/new">
          新建账号
        </Link>{" "}
        <Link className="button button--secondary" href="/admin/accounts/import">
          批量导入账号
        </Link>
      </p>
      <UnitFilterForm label="筛选账号" units={units} value={query.unit}>
        <TextField id="q" label="用户名或姓名" defaultValue={query.q ?? ""} />
      </UnitFilterForm>
      <PagedTable {...accountTable} rows={list.accounts} listPage={list} path="/admin/accounts" query={query}>
        {(account) => (
          <tr key={account.id}>
            <th scope="row">
              <Link href={`/admin/accounts/${account.id}`}>{account.username}</Link>
            </th>
            <td>{account.name}</td>
            <td>{account.organization?.name ?? "—"}</td>
            <td>{roleLabels[account.role]}</td>
            <td>{account.disabledAt ? "已停用" : account.mustChangePassword ? "待设置密码" : "正常"}</td>
          </tr>
        )}
      </PagedTable>
    </StaffPageLayout>
  );
}

/** The account list's table: its headings and what it says when no account matches. */
const accountTable = {
  testId: "account-list",
  columns: ["用户名", "姓名", "单位", "角色", "状态"],
  emptyText: "没有符合条件的账号。",
};
