/**
 * The structure of each table as the form draws it: the same view model the
 * published report is rendered from (lib/render/to-report-view), built once
 * per layout from empty data, so the form's merged headers (colspan/rowspan,
 * row groups) are exactly the printed ones and no table is written in JSX.
 */
import { toReportView, type GridView, type TableSectionView } from "@/lib/render/to-report-view";
import type { ReportData } from "@/lib/report-data";
import type { Layout } from "@/lib/template";

const cache = new WeakMap<Layout, ReadonlyMap<string, TableSectionView>>();

export function tableViews(layout: Layout): ReadonlyMap<string, TableSectionView> {
  const cached = cache.get(layout);
  if (cached) return cached;
  const empty: ReportData = {
    cells: {},
    narrative: {},
    meta: { organizationName: "", year: layout.appliesToYears.from },
  };
  const view = toReportView(layout, empty, { organizationName: "", year: layout.appliesToYears.from });
  const out = new Map<string, TableSectionView>();
  for (const section of view.sections) if (section.kind === "table") out.set(section.id, section);
  cache.set(layout, out);
  return out;
}

export function gridViewsOf(layout: Layout, tableId: string): readonly GridView[] {
  return tableViews(layout).get(tableId)?.grids ?? [];
}
