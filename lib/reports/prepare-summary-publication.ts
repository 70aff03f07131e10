import "server-only";
import { createHash } from "node:crypto";
import { chinaDay } from "@/lib/format/calendar-day";
import { publicationDayProblem } from "@/lib/publications/publication-dates";
import { toStoredReportData } from "@/lib/report-data";
import type { CountySummary } from "./load-county-summary";
import type { SummaryDocument, SummaryPublicationMarks } from "./render-county-summary";

import type { FrozenExcludedUnit, FrozenIncludedUnit } from "./frozen-summary-units";

export type SummaryPublicationPlan = {
  document: SummaryDocument & { included: FrozenIncludedUnit[]; excluded: FrozenExcludedUnit[] };
  marks: SummaryPublicationMarks;
  /**
   * SHA-256 of the sums and both unit lists: the 样稿 answers it and publishing compares, so
   * what is frozen is what the publisher saw, and an unchanged summary is not published twice.
   */
  contentSha256: string;
  /** Why it may not be published now (zh-CN); publishing refuses while one stands, the 样稿 shows them. */
  problems: { field: string; message: string }[];
};

/**
 * What publishing a county's summary now would freeze, and what stands in the way: the
 * year's 统计期限 not over (the same rule and words as a report's), no reviewed unit to add
 * up, or nothing changed since the version last published.
 */
export function prepareSummaryPublication(
  summary: CountySummary,
  choices: {
    now: Date;
    sequence: number;
    correctionNote: string | null;
    /** The latest published version's content, if any. */
    latest: { sequence: number; contentSha256: string } | null;
  },
): SummaryPublicationPlan {
  const included = summary.included.map(({ unitId, unitName, reportId, status }) => ({
    unitId,
    unitName,
    reportId,
    status,
  }));
  const excluded = summary.excluded.map(({ unitId, unitName, reportId, reason }) => ({
    unitId,
    unitName,
    reportId,
    reason,
  }));
  const contentSha256 = createHash("sha256")
    .update(JSON.stringify([summary.layout.id, toStoredReportData(summary.data), included, excluded]))
    .digest("hex");
  const publicationDate = chinaDay(choices.now);
  const problems: { field: string; message: string }[] = [];
  const dayProblem = publicationDayProblem(summary.year, publicationDate);
  if (dayProblem) problems.push({ field: "publicationDate", message: dayProblem });
  if (included.length === 0)
    problems.push({ field: "included", message: "尚无已审核或已发布的单位报告，汇总表还没有可发布的数字。" });
  if (choices.latest?.contentSha256 === contentSha256)
    problems.push({
      field: "content",
      message: `全县汇总与已发布的第 ${choices.latest.sequence} 版相同，无需再次发布。`,
    });
  return {
    document: { layout: summary.layout, year: summary.year, data: summary.data, included, excluded },
    marks: { publicationDate, sequence: choices.sequence, correctionNote: choices.correctionNote },
    contentSha256,
    problems,
  };
}

/**
 * The 更正说明 offered for the next version: the units the summary adds up now that the last
 * version did not, and those it no longer does; empty for the first version, or when the
 * units are the same (the publisher says what changed).
 */
export function suggestedCorrectionNote(
  lastIncluded: readonly { unitId: string; unitName: string }[] | null,
  summary: Pick<CountySummary, "included">,
): string {
  if (lastIncluded === null) return "";
  const before = new Set(lastIncluded.map((unit) => unit.unitId));
  const now = new Set(summary.included.map((unit) => unit.unitId));
  const added = summary.included.filter((unit) => !before.has(unit.unitId)).map((unit) => unit.unitName);
  const removed = lastIncluded.filter((unit) => !now.has(unit.unitId)).map((unit) => unit.unitName);
  const parts: string[] = [];
  if (added.length > 0) parts.push(`新纳入汇总：${added.join("、")}。`);
  if (removed.length > 0) parts.push(`不再纳入汇总：${removed.join("、")}。`);
  return parts.join("");
}
