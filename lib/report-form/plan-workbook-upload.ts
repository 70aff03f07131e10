/**
 * What uploading a filled report workbook would change in the wizard: every input cell whose
 * figure in the file differs from the form's (old → new, with the cell's place in the
 * template's words), and the report as it would be, totals recomputed, for the rule engine
 * to judge before anything is written. A cell the file could not read is left as it is.
 * Universal and pure: the wizard's panel shows it, the tests check it.
 */
import { withComputedTotals, type ReportData } from "@/lib/report-data";
import { compileLayout, type CellId, type Layout } from "@/lib/template";

export type WorkbookCellChange = {
  readonly cellId: CellId;
  /** 三、收到和处理政府信息公开申请情况 · 三、本年度办理结果 · （一）予以公开 · 申请人情况 · 自然人 */
  readonly labelPath: string;
  readonly before: number | null;
  readonly after: number | null;
};

export type WorkbookUploadPlan = {
  readonly changes: readonly WorkbookCellChange[];
  /** The report with the changes applied, totals recomputed. */
  readonly result: ReportData;
};

/** A cell's place in words, from its table down to its column. */
export function cellLabelPath(layout: Layout, cellId: CellId): string {
  const compiled = compileLayout(layout);
  const cell = compiled.cell(cellId);
  if (!cell) return cellId;
  const grid = compiled.grid(cell.gridId);
  return [grid.section.heading, grid.grid.title ?? "", ...cell.rowPath, ...cell.columnPath]
    .filter((part) => part !== "")
    .join(" · ");
}

export function planWorkbookUpload(
  layout: Layout,
  current: ReportData,
  fileCells: Readonly<Record<CellId, number | null>>,
): WorkbookUploadPlan {
  const compiled = compileLayout(layout);
  const changes: WorkbookCellChange[] = [];
  const cells: Record<CellId, number | null | undefined> = { ...current.cells };
  for (const cell of compiled.inputCells) {
    if (!Object.hasOwn(fileCells, cell.id)) continue;
    const after = fileCells[cell.id] ?? null;
    const stored = current.cells[cell.id];
    const before = typeof stored === "number" && Number.isFinite(stored) ? stored : null;
    if (after === before) continue;
    changes.push({ cellId: cell.id, labelPath: cellLabelPath(layout, cell.id), before, after });
    cells[cell.id] = after;
  }
  return { changes, result: { ...current, cells: withComputedTotals(layout, cells) } };
}
