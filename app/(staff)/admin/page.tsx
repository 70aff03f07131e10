import type { Metadata } from "next";
import Link from "next/link";
import { unitTreeView, type UnitNode } from "@/lib/organizations/list-unit-tree";
import { loadStaffPage } from "@/lib/server/page-guard";
import { can } from "@/lib/workflow/policy";

export const metadata: Metadata = { title: "系统管理" };

function countUnits(nodes: readonly UnitNode[]): number {
  return nodes.reduce((sum, node) => sum + (node.retiredAt ? 0 : 1) + countUnits(node.children), 0);
}

export default async function AdminHomePage() {
  const { roots, managesCounties, canImportReports, user } = await loadStaffPage({
    page: "/admin",
    action: "unit.list",
    authorize: ({ actor }) => unitTreeView(actor),
    load: async ({ actor, loaded }) => ({ ...loaded, canImportReports: can(actor, "admin.importBatch", null) }),
  });
  const counties = roots.filter((root) => root.kind === "COUNTY" && !root.retiredAt);
  return (
    <main id="main" className="page">
      <h1>系统管理</h1>
      <p className="lead">
        {managesCounties
          ? `共 ${counties.length} 个县（区），${countUnits(roots)} 个在用单位。`
          : `${user.organizationName ?? ""}：${countUnits(roots)} 个在用单位（含本县）。`}
      </p>
      <ul className="card-list">
        <li className="card">
          <h2>
            <Link href="/admin/units">单位管理</Link>
          </h2>
          <p>新建、修改、移动和停用乡镇（街道）、县直部门{managesCounties ? "和县（区）" : ""}。</p>
        </li>
        <li className="card">
          <h2>
            <Link href="/admin/units/import">导入单位名单</Link>
          </h2>
          <p>从 Excel、WPS 或 .csv 名单一次导入多个单位，先预览每一行的结果。</p>
        </li>
        {user.role === "COUNTY_ADMIN" && (
          <li className="card">
            <h2>
              <Link href="/review/board">报告进度</Link>
            </h2>
            <p>本县各单位本年度报告的状态、期限和逾期情况，催报，导出 Excel 或 CSV。</p>
          </li>
        )}
        <li className="card">
          <h2>
            <Link href="/admin/calendar">报告期设置</Link>
          </h2>
          <p>每个报告年度的开始填写日期和公布期限，显示在各单位填报人员的首页。</p>
        </li>
        <li className="card">
          <h2>
            <Link href="/admin/accounts">账号管理</Link>
          </h2>
          <p>创建填报人员、审核人员和县级管理员账号（逐个或从名单导入），重置密码，停用或启用账号。</p>
        </li>
        <li className="card">
          <h2>
            <Link href="/admin/audit">操作记录</Link>
          </h2>
          <p>查看单位和账号管理、报告填报和审核等操作的记录，可按单位、用户和操作筛选。</p>
        </li>
        {canImportReports && (
          <li className="card">
            <h2>
              <Link href="/admin/import">批量导入往年报告</Link>
            </h2>
            <p>为一个县（区）的各单位一次导入已公布的年度报告文件。</p>
          </li>
        )}
      </ul>
    </main>
  );
}
