/**
 * The report as open data (JSON), from the view model. Key order is fixed
 * (objects are built in one order, cells and narrative in template order),
 * so the same report always serializes to the same bytes:
 *
 * { layout, layoutVersion, organization, year, title, cells: { id: value },
 *   narrative: { id: text }, publishedAt, documentDate, version, correctionNote }
 *
 * publishedAt is the 发布日期 as given to the view, documentDate the 成文日期
 * (YYYY-MM-DD); either is null when not known.
 *
 * A missing figure is null, never 0. Narrative text is the paragraphs joined
 * with \n (blank lines and indents dropped, as printed); a field left empty is "".
 *
 * Universal and pure.
 */
import type { LayoutId, NarrativeId } from "@/lib/template";
import type { ReportView } from "./to-report-view";

export interface ReportJson {
  readonly layout: LayoutId;
  readonly layoutVersion: string;
  readonly organization: string;
  readonly year: number;
  readonly title: string;
  readonly cells: { readonly [cellId: string]: number | null };
  readonly narrative: { readonly [id in NarrativeId]?: string };
  readonly publishedAt: string | null;
  readonly documentDate: string | null;
  readonly version: number | null;
  readonly correctionNote: string | null;
}

export function toReportJson(view: ReportView): ReportJson {
  const cells: Record<string, number | null> = {};
  const narrative: { [id in NarrativeId]?: string } = {};
  narrative[view.preamble.id] = view.preamble.paragraphs.join("\n");
  for (const section of view.sections) {
    if (section.kind === "narrative") {
      narrative[section.id] = section.paragraphs.join("\n");
      for (const part of section.parts) narrative[part.id] = part.paragraphs.join("\n");
      continue;
    }
    for (const grid of section.grids) {
      for (const row of grid.bodyRows) {
        for (const cell of row.cells) if (cell.kind === "value") cells[cell.cellId] = cell.value;
      }
    }
  }
  return {
    layout: view.layoutId,
    layoutVersion: view.layoutVersion,
    organization: view.organizationName,
    year: view.year,
    title: view.title,
    cells,
    narrative,
    publishedAt: view.publishedAt,
    documentDate: view.documentDate,
    version: view.version,
    correctionNote: view.correction === null ? null : view.correction.paragraphs.join("\n"),
  };
}

/** Pretty-printed (2 spaces) with a final newline, ready to serve as application/json. */
export function renderReportJson(view: ReportView): string {
  return `${JSON.stringify(toReportJson(view), null, 2)}\n`;
}
