import type { ReportChange } from "@/lib/report-data";
import { formatDateTime } from "@/lib/format/date-time";
import { TableHead } from "@/components/ui/table-head";

function figure(value: number | null): string {
  return value === null ? "（空）" : String(value);
}

/** Changes between two versions of a report's data, by place: `beforeLabel` heads the earlier column. */
export function ChangeTable({ changes, beforeLabel }: { changes: readonly ReportChange[]; beforeLabel: string }) {
  return (
    <table className="table">
      <TableHead columns={["位置", beforeLabel, "现在"]} />
      <tbody>
        {changes.map((change) => (
          <tr key={`${change.kind}:${change.id}`} data-change-id={change.id}>
            <th scope="row">{change.label}</th>
            {change.kind === "cell" ? (
              <>
                <td>{figure(change.before)}</td>
                <td>
                  <ins>{figure(change.after)}</ins>
                </td>
              </>
            ) : (
              <>
                <td className="review-text">
                  <del>{change.before || "（空）"}</del>
                </td>
                <td className="review-text">
                  <ins>{change.after || "（空）"}</ins>
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the clerk changed since the report was last sent back. */
export function ChangeList({ changes }: { changes: { since: Date; list: readonly ReportChange[] } | null }) {
  return (
    <section aria-labelledby="changes-heading" data-testid="review-changes">
      <h2 id="changes-heading">退回后的修改</h2>
      {!changes ? (
        <p className="muted">本报告未曾退回，没有可比较的版本。</p>
      ) : changes.list.length === 0 ? (
        <p>自 {formatDateTime(changes.since)} 退回以来没有修改。</p>
      ) : (
        <>
          <p>
            自 {formatDateTime(changes.since)} 退回以来修改了 {changes.list.length} 处：
          </p>
          <ChangeTable changes={changes.list} beforeLabel="退回时" />
        </>
      )}
    </section>
  );
}
