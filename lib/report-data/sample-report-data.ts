/**
 * A complete, deterministic ReportData for any layout, for tests and the
 * bench: every cell filled with a distinct figure, every narrative field
 * with a few paragraphs. The seed fixtures (fixtures/seeds) are the real
 * reports; this one exercises every cell id and both layouts regardless.
 */
import { compileLayout, type Layout, type NarrativeId } from "../template";
import type { ReportData } from "./types";

export interface SampleReportOptions {
  readonly organizationName?: string;
  readonly year?: number;
  /** Cell ids to leave missing (null). */
  readonly missing?: readonly string[];
  /** Replace the text of these narrative fields. */
  readonly narrative?: { readonly [id in NarrativeId]?: string };
}

const PARAGRAPH =
  "本年度，我乡坚持以公开为常态、不公开为例外，围绕群众关注的热点问题，依托政府门户网站主动公开政府信息128条，" +
  "其中“三公”经费、财政预决算等重点领域信息45条（含政策解读6篇）。全年共收到依申请公开12件，均已按《条例》规定办结。";

export function sampleReportData(layout: Layout, options: SampleReportOptions = {}): ReportData {
  const missing = new Set(options.missing ?? []);
  const cells: Record<string, number | null> = {};
  const compiled = compileLayout(layout);
  compiled.cells.forEach((cell, index) => {
    if (missing.has(cell.id)) cells[cell.id] = null;
    else if (cell.type === "money") cells[cell.id] = Number(((index + 1) * 1.2345).toFixed(4));
    else if (cell.type === "signedCount") cells[cell.id] = index % 2 === 0 ? -index : index;
    else cells[cell.id] = index + 1;
  });
  const narrative: { [id in NarrativeId]?: string } = {};
  for (const field of compiled.narrativeFields) {
    narrative[field.id] = `${field.heading}：${PARAGRAPH}\n\n　　第二段。${PARAGRAPH}`;
  }
  Object.assign(narrative, options.narrative ?? {});
  return {
    cells,
    narrative,
    meta: { organizationName: options.organizationName ?? "董封乡人民政府", year: options.year ?? 2023 },
  };
}
