import type { Metadata } from "next";
import Link from "next/link";
import { organizationKinds } from "@/lib/report-data";
import { listOrganizationTree } from "@/lib/organizations/list-organization-tree";
import { loadStaffPage } from "@/lib/server/page-guard";
import { can } from "@/lib/workflow/policy";
import { roleLabels } from "@/lib/workflow/roles";

export const metadata: Metadata = { title: "系统管理" };

export default async function AdminHomePage() {
  const { counties, canImportReports } = await loadStaffPage({
    page: "/admin",
    path: "/admin",
    action: "account.list",
    authorize: async ({ actor }) => ({
      counties: await listOrganizationTree(actor),
      canImportReports: can(actor, "admin.importBatch", null),
    }),
  });
  return (
    <main id="main" className="page">
      <h1>系统管理</h1>
      <ul>
        <li>
          <Link href="/admin/accounts">账号管理</Link>
          ：创建填报人员、审核人员和县级管理员账号，重置密码，停用或启用账号。
        </li>
        <li>
          <Link href="/admin/audit">操作记录</Link>：查看账号管理和报告审核等操作的记录。
        </li>
        {canImportReports && (
          <li>
            <Link href="/admin/import">批量导入往年报告</Link>：为一个县（区）的各单位一次导入已公布的年度报告文件。
          </li>
        )}
      </ul>
      <h2>机构与账号</h2>
      {counties.map((county) => (
        <section key={county.id} aria-labelledby={`county-${county.id}`}>
          <h3 id={`county-${county.id}`}>
            {county.name} {county.divisionCode && <span className="muted">（{county.divisionCode}）</span>}
          </h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">类型</th>
                <th scope="col">账号</th>
              </tr>
            </thead>
            <tbody>
              {[county, ...county.children].map((organization) => (
                <tr key={organization.id}>
                  <th scope="row">{organization.name}</th>
                  <td>{organizationKinds[organization.kind].label}</td>
                  <td>
                    {organization.users.map((user) => `${user.username}（${roleLabels[user.role]}）`).join("、") || "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </main>
  );
}
