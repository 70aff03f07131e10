import { describe, expect, it } from "vitest";
import { getLayout, layoutIds } from "@/lib/template";
import { sampleReportData } from "@/lib/report-data/sample-report-data";
import { toReportView } from "../to-report-view";
import type { TableSectionView } from "../to-report-view";
import { computeColumnWidths } from "./compute-column-widths";

const options = { width: 442, fontSize: 10.5, cellPadding: 5.75 };

describe.each(layoutIds)("computeColumnWidths with layout %s", (layoutId) => {
  const layout = getLayout(layoutId);
  const view = toReportView(layout, sampleReportData(layout), { organizationName: "乡", year: 2023 });
  const tables = view.sections.filter((s): s is TableSectionView => s.kind === "table");

  it("gives every grid one width per column, filling the text block", () => {
    for (const section of tables) {
      const widths = computeColumnWidths(section, options);
      for (const grid of section.grids) {
        const w = widths.get(grid.id) ?? [];
        expect(w).toHaveLength(grid.columnCount);
        expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(options.width, 6);
        for (const column of w) expect(column).toBeGreaterThan(2 * options.fontSize);
      }
    }
  });

  it("lines up the stub of all blocks of table 二", () => {
    const t2 = tables.find((t) => t.id === "t2");
    if (!t2) throw new Error("no table 二");
    const widths = computeColumnWidths(t2, options);
    const stubs = new Set(t2.grids.map((g) => (widths.get(g.id) ?? [])[0]));
    expect(stubs.size).toBe(1);
  });

  it("keeps group labels of table 三 at least as wide as （三）", () => {
    const t3 = tables.find((t) => t.id === "t3");
    const widths = t3 ? (computeColumnWidths(t3, options).get("t3") ?? []) : [];
    expect(widths[1] ?? 0).toBeGreaterThanOrEqual(3 * options.fontSize + options.cellPadding);
    expect(widths.slice(0, 3).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(options.width * 0.45 + 1e-9);
  });
});
