import { describe, expect, it } from "vitest";
import { blankReportData } from "@/lib/report-data";
import { sampleReportData } from "@/lib/report-data/sample-report-data";
import { compileLayout, getLayout } from "@/lib/template";
import { cellLabelPath, planWorkbookUpload } from "./plan-workbook-upload";

const layout = getLayout("gov-2021");
const compiled = compileLayout(layout);

describe("planWorkbookUpload", () => {
  it("lists only the cells whose figure differs, with the label path, and recomputes totals", () => {
    const current = sampleReportData(layout);
    const [first, second, third] = compiled.inputCells.filter((cell) => cell.tableId === "t3");
    const file = Object.fromEntries(compiled.inputCells.map((cell) => [cell.id, current.cells[cell.id] ?? null]));
    file[first!.id] = (current.cells[first!.id] ?? 0) + 5;
    file[second!.id] = null;
    const plan = planWorkbookUpload(layout, current, file);
    expect(plan.changes).toEqual([
      {
        cellId: first!.id,
        labelPath: cellLabelPath(layout, first!.id),
        before: current.cells[first!.id],
        after: file[first!.id],
      },
      {
        cellId: second!.id,
        labelPath: cellLabelPath(layout, second!.id),
        before: current.cells[second!.id],
        after: null,
      },
    ]);
    expect(plan.result.cells[third!.id]).toBe(current.cells[third!.id]);
    // A total over the first cell adds the file's figures.
    const total = compiled.totals.find(
      (cell) => cell.total.operands.includes(first!.id) && cell.total.operands.every((id) => !compiled.cell(id)!.total),
    )!;
    const sum = total.total.operands.reduce((acc, id) => acc + (plan.result.cells[id] ?? 0), 0);
    expect(plan.result.cells[total.id]).toBe(sum);
    expect(sum).toBe(total.total.operands.reduce((acc, id) => acc + (file[id] ?? 0), 0));
  });

  it("leaves a cell the file could not read as it is", () => {
    const current = blankReportData(layout, "朝阳镇", 2025);
    const [only] = compiled.inputCells;
    expect(planWorkbookUpload(layout, current, { [only!.id]: 3 }).changes.map((change) => change.cellId)).toEqual([
      only!.id,
    ]);
    expect(planWorkbookUpload(layout, current, {}).changes).toEqual([]);
  });

  it("names a cell from its table down to its column", () => {
    const cell = compiled.inputCells.find((candidate) => candidate.tableId === "t3")!;
    const path = cellLabelPath(layout, cell.id);
    expect(path.startsWith(compiled.grid(cell.gridId).section.heading)).toBe(true);
    expect(path.endsWith(cell.columnLabel)).toBe(true);
    for (const label of cell.rowPath) expect(path).toContain(label);
  });
});
