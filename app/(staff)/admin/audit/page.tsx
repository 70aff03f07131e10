import type { Metadata } from "next";
import { StaffPageLayout } from "@/components/ui/staff-page-layout";
import { PagedTable } from "@/components/ui/paged-table";
import { TextField } from "@/components/ui/text-field";
import { UnitFilterForm } from "@/components/ui/unit-select";
import { auditActionLabel } from "@/lib/account-data/audit-actions";
import { describeAuditDetail } from "@/lib/account-data/describe-audit-detail";
import { parseListQuery, type SearchParams } from "@/lib/account-data/list-query";
import { withFilterUnits } from "@/lib/accounts/list-administered-units";
import { listAuditEvents } from "@/lib/accounts/list-audit-events";
import { formatDateTime } from "@/lib/format/date-time";
import { loadStaffPage } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "操作记录" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = parseListQuery(await searchParams);
  const { list: log, units } = await loadStaffPage({
    page: "/admin/audit",
    action: "audit.read",
    authorize: ({ actor }) =>
      withFilterUnits(
        actor,
        listAuditEvents(actor, { unitId: query.unit, username: query.user, action: query.action, page: query.page }),
      ),
  });
  return (
    <StaffPageLayout
      back={{ href: "/admin", name: "系统管理" }}
      title="操作记录"
      lead="账号管理、报告填报和审核的每一次操作，最新的在前。"
    >
      <UnitFilterForm label="筛选操作记录" units={units} value={query.unit}>
        <TextField
          id="user"
          label="用户名"
          hint="该用户做的操作，以及对该账号做的操作。"
          defaultValue={query.user ?? ""}
        />
        <div className="field">
          <label htmlFor="action">操作</label>
          <select className="input" id="action" name="action" defaultValue={query.action ?? ""}>
            <option value="">全部</option>
            {log.actions.map((action) => (
              <option key={action} value={action}>
                {auditActionLabel(action)}
              </option>
            ))}
          </select>
        </div>
      </UnitFilterForm>
      <PagedTable {...auditTable} rows={log.events} listPage={log} path="/admin/audit" query={query}>
        {(event) => (
          <tr key={event.id}>
            <td>{formatDateTime(event.createdAt)}</td>
            <th scope="row">{auditActionLabel(event.action)}</th>
            <td>{event.actor ? `${event.actor.name}（${event.actor.username}）` : "系统"}</td>
            <td>{event.subjectUser ? `${event.subjectUser.name}（${event.subjectUser.username}）` : "—"}</td>
            <td>{event.organization?.name ?? "—"}</td>
            <td>
              {[event.report ? `${event.report.year} 年度报告` : null, describeAuditDetail(event.detail), event.comment]
                .filter(Boolean)
                .join("；") || "—"}
            </td>
          </tr>
        )}
      </PagedTable>
    </StaffPageLayout>
  );
}

/** The audit log's table: its headings and what it says when no event matches. */
const auditTable = {
  testId: "audit-log",
  columns: ["时间", "操作", "操作人", "对象账号", "单位", "说明"],
  emptyText: "没有符合条件的记录。",
};
