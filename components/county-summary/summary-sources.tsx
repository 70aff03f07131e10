import { TableHead } from "@/components/ui/table-head";
import { formatCellValue } from "@/lib/format/format-cell-value";
import { contributionText, type CellContribution, type ReportData } from "@/lib/report-data";
import { compileLayout, getLayout, type LayoutId } from "@/lib/template";

/**
 * Where each figure of the county summary comes from: per table, every cell some unit
 * states a figure for, with the sum and each unit's figure (which township received the
 * requests). Walks the compiled layout; names no row.
 */
export function SummarySources({
  layoutId,
  data,
  contributions,
}: {
  layoutId: LayoutId;
  data: ReportData;
  contributions: { readonly [cellId: string]: readonly CellContribution[] };
}) {
  const compiled = compileLayout(getLayout(layoutId));
  const tables = compiled.grids
    .map((grid) => grid.section)
    .filter((section, index, all) => all.indexOf(section) === index);
  return (
    <div data-testid="summary-sources">
      {tables.map((section) => {
        const cells = compiled.cells.filter((cell) => cell.tableId === section.id && contributions[cell.id]);
        return (
          <details key={section.id} className="summary-sources">
            <summary>
              {section.heading}（{cells.length} 项有数字）
            </summary>
            {cells.length === 0 ? (
              <p className="muted">各单位均为 0 或未填写。</p>
            ) : (
              <table className="table">
                <TableHead columns={["项目", "全县合计", "各单位"]} />
                <tbody>
                  {cells.map((cell) => (
                    <tr key={cell.id} data-cell={cell.id}>
                      <th scope="row">{cell.label}</th>
                      <td>{formatCellValue(data.cells[cell.id] ?? null, cell.type, { decimals: cell.decimals })}</td>
                      <td>{contributionText(contributions[cell.id] ?? [], cell)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </details>
        );
      })}
    </div>
  );
}
