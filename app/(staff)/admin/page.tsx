import type { Metadata } from "next";
import Link from "next/link";
import { organizationKinds } from "@/lib/report-data";
import { listOrganizationTree } from "@/lib/organizations/list-organization-tree";
import { loadStaffPage } from "@/lib/server/page-guard";
import { roleLabels } from "@/lib/workflow/roles";
import { TableHead } from "@/components/ui/table-head";

export const metadata: Metadata = { title: "系统管理" };

/** An organization's accounts in one line: username and role, or a dash for none. */
function accountsOf(users: readonly { username: string | null; role: keyof typeof roleLabels }[]): string {
  return users.map((user) => `${user.username}（${roleLabels[user.role]}）`).join("、") || "—";
}

export default async function AdminHomePage() {
  const { counties } = await loadStaffPage({
    page: "/admin",
    action: "admin.manage",
    authorize: async ({ actor }) => ({ counties: await listOrganizationTree(actor) }),
  });
  return (
    <main id="main" className="page">
      <h1>系统管理</h1>
      <p>
        <Link href="/admin/import">批量导入往年报告</Link>：为一个县（区）的各单位一次导入已公布的年度报告文件。
      </p>
      <h2>机构与账号</h2>
      {counties.map((county) => (
        <section key={county.id} aria-labelledby={`county-${county.id}`}>
          <h3 id={`county-${county.id}`}>
            {county.name} {county.divisionCode && <span className="muted">（{county.divisionCode}）</span>}
          </h3>
          <table className="table">
            <TableHead columns={["单位", "类型", "账号"]} />
            <tbody>
              {[county, ...county.children].map((organization) => (
                <tr key={organization.id}>
                  <th scope="row">{organization.name}</th>
                  <td>{organizationKinds[organization.kind].label}</td>
                  <td>{accountsOf(organization.users)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </main>
  );
}
