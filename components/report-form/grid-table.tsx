"use client";
import { memo } from "react";
import type { BodyRowView, GridView } from "@/lib/render/to-report-view";
import { gridShape, type GridShape } from "@/lib/report-form/grid-shape";
import { noteRender } from "@/lib/report-form/render-probe";
import { compileLayout, type TableId } from "@/lib/template";
import { CommentNotes } from "./comment-notes";
import { NumberCell } from "./number-cell";
import { TotalCell } from "./total-cell";
import { useWizard } from "./wizard-context";

/**
 * Row labels (and the corner above them) stay in view while the figures scroll sideways:
 * each stub column is sticky at its own offset, as wide as its span (report-form.css).
 */
function stubClass(column: number, colSpan: number): string {
  return `form-grid__stub form-grid__stub-at-${column} form-grid__stub-span-${colSpan}`;
}

const GridRow = memo(function GridRow({
  tableId,
  row,
  shape,
}: {
  tableId: TableId;
  row: BodyRowView;
  shape: GridShape;
}) {
  noteRender("GridRow");
  const { layout, comments } = useWizard();
  const compiled = compileLayout(layout);
  const rowComments = comments.byRow.get(`${tableId}.${row.id}`);
  const lastHeader = row.cells.filter((cell) => cell.kind === "header").at(-1);
  return (
    <tr className={rowComments ? "form-row form-row--commented" : "form-row"}>
      {row.cells.map((cell) => {
        if (cell.kind === "header") {
          return (
            <th
              key={cell.key}
              scope={cell.scope}
              colSpan={cell.colSpan}
              rowSpan={cell.rowSpan}
              className={`form-grid__row-label ${stubClass(cell.column, cell.colSpan)}`}
            >
              {cell.text}
              {cell === lastHeader && <CommentNotes comments={rowComments} />}
            </th>
          );
        }
        const label =
          compiled.cell(cell.cellId)?.label ?? [...cell.rowPath, ...cell.columnPath].filter(Boolean).join("·");
        return cell.isComputed ? (
          <TotalCell key={cell.cellId} cellId={cell.cellId} label={label} />
        ) : (
          <NumberCell key={cell.cellId} cellId={cell.cellId} type={cell.type} label={label} shape={shape} />
        );
      })}
      {!lastHeader && rowComments && (
        <td>
          <CommentNotes comments={rowComments} />
        </td>
      )}
    </tr>
  );
});

/**
 * Draws any grid of any layout from its view model: merged column headers (colspan /
 * rowspan from the header trees), row groups, value cells as inputs or computed totals.
 * The one table component of the form.
 */
export const GridTable = memo(function GridTable({ tableId, grid }: { tableId: TableId; grid: GridView }) {
  noteRender("GridTable");
  const { layout } = useWizard();
  const shape = gridShape(layout, grid.id);
  return (
    <div className="form-grid__scroll">
      <table className="form-grid" data-grid={grid.id}>
        <caption>{grid.caption}</caption>
        <thead>
          {grid.headerRows.map((cells, index) => (
            <tr key={index}>
              {cells.map((cell) => (
                <th
                  key={cell.key}
                  scope={cell.scope}
                  colSpan={cell.colSpan}
                  rowSpan={cell.rowSpan}
                  className={cell.key === "stub" ? stubClass(cell.column, cell.colSpan) : undefined}
                >
                  {cell.text}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {grid.bodyRows.map((row) => (
            <GridRow key={row.id} tableId={tableId} row={row} shape={shape} />
          ))}
        </tbody>
      </table>
    </div>
  );
});
