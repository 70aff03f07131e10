/**
 * Property tests over generated reports: arithmetic that holds by
 * construction yields no findings, and any single changed cell of tables 三
 * and 四 yields a blocking finding that points at that cell.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReportData } from "../report-data";
import { compileLayout, getLayout, leafIdsUnder, type Layout, type LayoutId } from "../template";
import { evaluateReport } from "./evaluate-report";
import { zeroReport } from "./test-support";

const layoutIds: readonly LayoutId[] = ["gov-2021", "gov-2019"];

/** Draws numbers from a pre-generated pool, so one arbitrary feeds any layout. */
class Pool {
  private i = 0;
  constructor(private readonly values: readonly number[]) {}
  next(): number {
    const v = this.values[this.i % this.values.length] ?? 0;
    this.i++;
    return v;
  }
}

/** A report whose totals, sums and balance hold by construction. */
function buildConsistent(layout: Layout, pool: Pool, year: number): ReportData {
  const base = zeroReport(layout.id, year);
  const cells: Record<string, number> = {};
  // Table 二: any well-typed values (no arithmetic declared).
  for (const cell of compileLayout(layout).cells.filter((c) => c.tableId === "t2")) {
    const n = pool.next();
    cells[cell.id] = cell.type === "money" ? (n * 13) / 10_000 : cell.type === "signedCount" ? n - 30 : n;
  }
  // Table 三: leaf figures per applicant column, then （七）, 一/二 split, totals.
  const t3 = compileLayout(layout).grid("t3");
  const applicants = t3.columns.map((c) => c.id).filter((id) => id !== "total");
  const rows = leafIdsUnder(t3.grid.rows, "r3").filter((id) => id !== "r3_7");
  for (const col of applicants) {
    let handled = 0;
    for (const row of rows) {
      const v = pool.next();
      cells[`t3.${row}.${col}`] = v;
      handled += v;
    }
    const carried = pool.next();
    const due = handled + carried;
    const previous = pool.next() % (due + 1);
    cells[`t3.r3_7.${col}`] = handled;
    cells[`t3.r4.${col}`] = carried;
    cells[`t3.r2.${col}`] = previous;
    cells[`t3.r1.${col}`] = due - previous;
  }
  for (const row of t3.rows) {
    cells[`t3.${row.id}.total`] = applicants.reduce((sum, col) => sum + (cells[`t3.${row.id}.${col}`] ?? 0), 0);
  }
  // Table 四: four outcomes per block, then the block total.
  for (const block of ["review", "suitDirect", "suitAfterReview"]) {
    let total = 0;
    for (const col of ["upheld", "corrected", "other", "pending"]) {
      const v = pool.next();
      cells[`t4.${block}.${col}`] = v;
      total += v;
    }
    cells[`t4.${block}.total`] = total;
  }
  return { ...base, cells };
}

const consistentReport = (layout: Layout) =>
  fc
    .array(fc.nat({ max: 60 }), { minLength: 1, maxLength: 400 })
    .map((values) => buildConsistent(layout, new Pool(values), layout.id === "gov-2019" ? 2020 : 2023));

/** Any value different from the stored one, including ill-typed ones. */
const otherValue = fc.oneof(
  fc.nat({ max: 100_000 }),
  fc.integer({ min: -1000, max: -1 }),
  fc.double({ noNaN: false }),
  fc.constant(2_000_000_000),
);

describe.each(layoutIds)("%s", (layoutId) => {
  const layout = getLayout(layoutId);
  const checkedCells = compileLayout(layout)
    .cells.filter((c) => c.tableId === "t3" || c.tableId === "t4")
    .map((c) => c.id);

  it("finds nothing in any arithmetically consistent report", () => {
    fc.assert(
      fc.property(consistentReport(layout), (data) => {
        expect(evaluateReport({ data, layout })).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("points an error at any single changed cell of tables 三 and 四", () => {
    fc.assert(
      fc.property(
        consistentReport(layout),
        fc.nat({ max: checkedCells.length - 1 }),
        otherValue,
        (data, index, value) => {
          const id = checkedCells[index] ?? "";
          fc.pre(!Object.is(value, data.cells[id]) && value !== data.cells[id]);
          const changed: ReportData = { ...data, cells: { ...data.cells, [id]: value } };
          const errors = evaluateReport({ data: changed, layout }).filter((f) => f.severity === "error");
          expect(
            errors.some((f) => f.cellIds.includes(id)),
            `${id} = ${value}`,
          ).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("points a completeness error at any single cleared cell", () => {
    const allCells = compileLayout(layout).cells.map((c) => c.id);
    fc.assert(
      fc.property(
        consistentReport(layout),
        fc.nat({ max: allCells.length - 1 }),
        fc.boolean(),
        (data, index, asNull) => {
          const id = allCells[index] ?? "";
          const cells = { ...data.cells };
          if (asNull) cells[id] = null;
          else delete cells[id];
          const errors = evaluateReport({ data: { ...data, cells }, layout }).filter(
            (f) => f.ruleId === "completeness.cells",
          );
          expect(errors.some((f) => f.cellIds.includes(id))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
