/**
 * This year's report beside last year's, cell by cell, for the review page's 与上年对比.
 * Universal and pure. Every cell of this year's layout is listed, in reading order, with its
 * label path from the compiled layout; which cells changed is diffReportData's answer.
 *
 * Years of different layouts (2020 on gov-2019 beside 2021 on gov-2021): a cell is compared
 * where both layouts have its id, since cell ids keep their meaning across layouts
 * (lib/template/README.md); a cell only this year's layout has gets no last-year figure and
 * is marked as new to the format rather than as changed.
 */
import { diffReportData, type ReportData } from "@/lib/report-data";
import { compileLayout, type Layout, type TableId } from "@/lib/template";

/** A change is large when it moves a figure by half or more and by at least this many. */
export const LARGE_CHANGE_RATIO = 0.5;
export const LARGE_CHANGE_MIN = 5;

export type YearComparisonRow = {
  readonly id: string;
  readonly tableId: TableId;
  readonly label: string;
  readonly isComputed: boolean;
  /** Absent from last year's layout: nothing to compare with. */
  readonly isNewInLayout: boolean;
  readonly previous: number | null;
  readonly current: number | null;
  readonly isChanged: boolean;
  /** this − last, when both are reported. */
  readonly difference: number | null;
  /** difference ÷ last, when last is not 0. */
  readonly ratio: number | null;
  readonly isLarge: boolean;
};

export type YearComparison = {
  readonly tables: readonly {
    readonly id: TableId;
    readonly heading: string;
    readonly rows: readonly YearComparisonRow[];
  }[];
  readonly changedCount: number;
  readonly largeCount: number;
};

function figure(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Money keeps four decimals; a difference of two such figures is rounded back to them. */
function tidy(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

export function isLargeChange(previous: number | null, current: number | null): boolean {
  if (previous === null || current === null) return false;
  const difference = Math.abs(current - previous);
  if (difference < LARGE_CHANGE_MIN) return false;
  return previous === 0 || difference / Math.abs(previous) >= LARGE_CHANGE_RATIO;
}

export function compareYears(
  current: { layout: Layout; data: ReportData },
  previous: { layout: Layout; data: ReportData },
): YearComparison {
  const compiled = compileLayout(current.layout);
  const previousCompiled = compileLayout(previous.layout);
  // Read last year's figures by this year's ids; only ids last year's layout has are compared.
  const changed = new Set(
    diffReportData(current.layout, previous.data, current.data)
      .filter((change) => change.kind === "cell" && previousCompiled.cell(change.id) !== undefined)
      .map((change) => change.id),
  );
  const tables = current.layout.sections.flatMap((section) => {
    if (section.kind !== "table") return [];
    const rows = compiled.cells
      .filter((cell) => cell.tableId === section.id)
      .map((cell): YearComparisonRow => {
        const isNewInLayout = previousCompiled.cell(cell.id) === undefined;
        const was = isNewInLayout ? null : figure(previous.data.cells[cell.id]);
        const now = figure(current.data.cells[cell.id]);
        const difference = was !== null && now !== null ? tidy(now - was) : null;
        return {
          id: cell.id,
          tableId: cell.tableId,
          label: cell.label,
          isComputed: cell.total !== null,
          isNewInLayout,
          previous: was,
          current: now,
          isChanged: changed.has(cell.id),
          difference,
          ratio: difference !== null && was !== null && was !== 0 ? difference / Math.abs(was) : null,
          isLarge: isLargeChange(was, now),
        };
      });
    return [{ id: section.id, heading: section.heading, rows }];
  });
  const all = tables.flatMap((table) => table.rows);
  return {
    tables,
    changedCount: all.filter((row) => row.isChanged).length,
    largeCount: all.filter((row) => row.isLarge).length,
  };
}
