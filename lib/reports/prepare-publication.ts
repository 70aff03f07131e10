import "server-only";
import { chinaDay, fromDateColumn, type CalendarDay } from "@/lib/format/calendar-day";
import { documentDateProblem, publicationDayProblem } from "@/lib/publications/publication-dates";
import type { PublicationInput } from "@/lib/publications/render-publication";
import type { LoadedReport } from "./load-report";
import { layoutOf, parseStoredData } from "./evaluate-stored-report";

export type PublicationChoices = {
  /** The clock: the publication happens on its day in China. */
  now: Date;
  sequence: number;
  /** The 成文日期 asked for; default the one set at approval, else the day of publication. */
  documentDate?: string;
  correctionNote: string | null;
};

/**
 * What publishing a report now would freeze, and what stands in the way: the publication
 * input (today's 发布日期, the 成文日期, the data with the organization's name as published)
 * and the zh-CN reasons it may not be published yet (its 统计期限 has not ended, the
 * 成文日期 does not fit). Publishing refuses while a reason stands; the 样稿 preview
 * renders the same input regardless, so the clerk can check the document in December.
 */
export function preparePublication(
  report: LoadedReport["report"],
  choices: PublicationChoices,
): { input: PublicationInput; publicationDay: CalendarDay; problems: { field: string; message: string }[] } {
  const layout = layoutOf(report);
  const stored = parseStoredData(layout, report.data);
  // The published data carries the organization's name as published, so the frozen JSON and
  // CSV never depend on a later rename.
  const data = { ...stored, meta: { ...stored.meta, organizationName: report.organization.name, year: report.year } };
  const publicationDay = chinaDay(choices.now);
  const documentDate =
    choices.documentDate ?? (report.documentDate ? fromDateColumn(report.documentDate) : publicationDay);
  const problems: { field: string; message: string }[] = [];
  const dayProblem = publicationDayProblem(report.year, publicationDay);
  if (dayProblem) problems.push({ field: "publicationDate", message: dayProblem });
  const dateProblem = documentDateProblem(documentDate, report.year, publicationDay);
  if (dateProblem) problems.push({ field: "documentDate", message: dateProblem });
  return {
    input: {
      layout,
      data,
      organizationName: report.organization.name,
      year: report.year,
      sequence: choices.sequence,
      publicationDate: publicationDay,
      documentDate,
      correctionNote: choices.correctionNote,
    },
    publicationDay,
    problems,
  };
}
