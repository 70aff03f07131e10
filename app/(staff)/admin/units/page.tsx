import { TableHead } from "@/components/ui/table-head";
import type { Metadata } from "next";
import Link from "next/link";
import { StaffPageLayout } from "@/components/ui/staff-page-layout";
import { unitTreeView, type UnitNode } from "@/lib/organizations/list-unit-tree";
import { unitKindLabels } from "@/lib/organizations/unit-kinds";
import { loadStaffPage } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "单位管理" };

type Row = { node: UnitNode; depth: number };

function flatten(nodes: readonly UnitNode[], depth = 0): Row[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);
}

export default async function UnitsPage({ searchParams }: { searchParams: Promise<{ created?: string }> }) {
  const { roots, user, managesCounties } = await loadStaffPage({
    page: "/admin/units",
    action: "unit.list",
    authorize: ({ actor }) => unitTreeView(actor),
  });
  const created = (await searchParams).created?.slice(0, 80);
  const rows = flatten(roots);
  return (
    <StaffPageLayout
      back={{ href: "/admin", name: "系统管理" }}
      title="单位管理"
      lead={
        <>
          {managesCounties ? "全部县（区）及其单位。" : `${user.organizationName ?? ""}及其下属单位。`}
          停用的单位保留已公开的报告，不再参加新的年度报告。
        </>
      }
    >
      {created && (
        <p className="notice notice--success" role="status">
          已创建“{created}”。
        </p>
      )}
      <p>
        <Link className="button" href="/admin/units/new">
          新建单位
        </Link>{" "}
        {managesCounties && (
          <Link className="button button--secondary" href="/admin/units/new?county=1">
            新建县（区）
          </Link>
        )}{" "}
        <Link className="button button--secondary" href="/admin/units/import">
          导入单位名单
        </Link>
      </p>
      {rows.length === 0 ? (
        <p className="muted">还没有单位。{managesCounties ? "请先新建县（区）。" : ""}</p>
      ) : (
        <table className="table" data-testid="unit-tree">
          <caption className="muted">共 {rows.length} 个单位（含停用）</caption>
          <TableHead columns={["单位", "类型", "行政区划代码", "统一社会信用代码", "账号数", "状态"]} />
          <tbody>
            {rows.map(({ node, depth }) => (
              <tr key={node.id} data-unit={node.name}>
                <th scope="row" style={{ paddingLeft: `${0.5 + depth * 1.5}rem` }}>
                  <Link href={`/admin/units/${node.id}`}>{node.name}</Link>
                </th>
                <td>{unitKindLabels[node.kind]}</td>
                <td>{node.divisionCode ?? "—"}</td>
                <td>{node.creditCode ?? "—"}</td>
                <td>{node.userCount}</td>
                <td>{node.retiredAt ? <span className="tag">已停用</span> : "在用"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffPageLayout>
  );
}
