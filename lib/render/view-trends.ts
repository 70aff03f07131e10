/**
 * The trends view: a unit's (or a county's) key figures across the years on file, one chart
 * per `Layout.trendCharts` entry, built from the figures the layouts declare
 * (`Layout.trendFigures`). Universal; the charts are drawn from it (chart/render-trend-chart.ts)
 * and the data tables beside them print the same numbers.
 *
 * How years of different layouts line up: a figure is joined across years by its `key` (its
 * meaning), never by cell id; each year's value is computed with that year's own layout (the
 * sum of the cells under the figure's row and column header nodes). A year whose layout does
 * not declare a key has no value for it (gov-2019 has no 现行有效件数). Several reports of one
 * year (a county's units) are added up. A value is null — shown as "—", never 0 — when no
 * report of the year declares the figure or any of the cells it sums is missing in one of
 * them: a partial sum would read as a total. Years between the first and the last year on file
 * that have no report are kept, with no values, so the axis never hides a gap.
 */
import type { ReportData } from "@/lib/report-data";
import { compileLayout, leafIdsUnder, type Layout, type TrendChartId, type TrendFigureDef } from "@/lib/template";

/** One year's report of the trend: its layout and its values (for the public side, the published ones). */
export type TrendReport = { readonly year: number; readonly layout: Layout; readonly data: ReportData };

export type TrendSeries = {
  readonly key: string;
  readonly label: string;
  /** One value per year of `TrendView.years`. */
  readonly values: readonly (number | null)[];
};

export type TrendChart = {
  readonly id: TrendChartId;
  readonly title: string;
  readonly years: readonly number[];
  readonly series: readonly TrendSeries[];
};

export type TrendView = {
  readonly years: readonly number[];
  /** How many reports each year adds up (one for a unit; the units included, for a county). */
  readonly reportCounts: readonly number[];
  /** Charts with at least one value, in the newest layout's order. */
  readonly charts: readonly TrendChart[];
};

/** A figure's value in one report: the sum of its cells, or null if one of them is missing. */
export function trendFigureValue(layout: Layout, figure: TrendFigureDef, data: ReportData): number | null {
  const grid = compileLayout(layout).grid(figure.grid);
  const rows = figure.rows.flatMap((row) => leafIdsUnder(grid.grid.rows, row));
  const columns = figure.columns.flatMap((column) => leafIdsUnder(grid.grid.columns, column));
  let sum = 0;
  for (const row of rows) {
    for (const column of columns) {
      const cell = grid.cellAt(row, column);
      if (!cell) continue; // a pair the grid has no cell for contributes nothing
      const value = data.cells[cell.id];
      if (typeof value !== "number" || !Number.isFinite(value)) return null;
      sum += value;
    }
  }
  return sum;
}

function yearRange(reports: readonly TrendReport[]): number[] {
  if (reports.length === 0) return [];
  const years = reports.map((report) => report.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Money figures keep at most four decimals, so sums are rounded back to what was typed. */
function tidy(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

export function buildTrendView(reports: readonly TrendReport[]): TrendView {
  const years = yearRange(reports);
  const byYear = new Map<number, TrendReport[]>();
  for (const report of reports) byYear.set(report.year, [...(byYear.get(report.year) ?? []), report]);

  // Newest layouts first decide the order and the wording of charts and series.
  const newestFirst = [...reports].sort((a, b) => b.year - a.year);
  const chartDefs = new Map<TrendChartId, string>();
  const figureDefs = new Map<string, TrendFigureDef>();
  for (const { layout } of newestFirst) {
    for (const chart of layout.trendCharts) if (!chartDefs.has(chart.id)) chartDefs.set(chart.id, chart.title);
    for (const figure of layout.trendFigures) if (!figureDefs.has(figure.key)) figureDefs.set(figure.key, figure);
  }

  const valueOf = (key: string, year: number): number | null => {
    const declaring = (byYear.get(year) ?? []).flatMap((report) => {
      const figure = report.layout.trendFigures.find((f) => f.key === key);
      return figure ? [{ report, figure }] : [];
    });
    if (declaring.length === 0) return null;
    let sum = 0;
    for (const { report, figure } of declaring) {
      const value = trendFigureValue(report.layout, figure, report.data);
      if (value === null) return null;
      sum += value;
    }
    return tidy(sum);
  };

  const charts: TrendChart[] = [];
  for (const [id, title] of chartDefs) {
    const series = [...figureDefs.values()]
      .filter((figure) => figure.chart === id)
      .map((figure) => ({
        key: figure.key,
        label: figure.label,
        values: years.map((year) => valueOf(figure.key, year)),
      }))
      .filter((s) => s.values.some((value) => value !== null));
    if (series.length > 0) charts.push({ id, title, years, series });
  }
  return { years, reportCounts: years.map((year) => byYear.get(year)?.length ?? 0), charts };
}
