import "server-only";
import { chinaDay, fromDateColumn, type CalendarDay } from "@/lib/format/calendar-day";
import { documentDateProblem, publicationDayProblem } from "@/lib/publications/publication-dates";
import type { PublicationInput } from "@/lib/publications/render-publication";
import type { ReportData } from "@/lib/report-data";
import { printableReport, type ReportTextCorrection } from "@/lib/rules";
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
 * 成文日期 does not fit, a day in the text no correction can guess). Publishing refuses
 * while a reason stands; the 样稿 preview renders the same input regardless, so the clerk
 * can check the document in December.
 *
 * The text is frozen as it should print (lib/rules printableReport): an imported report is
 * published as its file reads, not through the rules, so a `**` or a 20231月1日 read from the
 * file is corrected here, and `textCorrections` lists each change for the reviewer who
 * confirms it and for the audit. A report the rules gated has none to correct.
 */
export function preparePublication(
  report: LoadedReport["report"],
  choices: PublicationChoices,
): {
  input: PublicationInput;
  publicationDay: CalendarDay;
  problems: { field: string; message: string }[];
  textCorrections: readonly ReportTextCorrection[];
  /** The report's data with those corrections, as it is stored (null: nothing to correct). */
  correctedData: ReportData | null;
} {
  const layout = layoutOf(report);
  const printable = printableReport(layout, parseStoredData(layout, report.data));
  const stored = printable.data;
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
  for (const date of printable.unresolved)
    problems.push({
      field: date.fieldId,
      message: `“${date.heading}”中的日期“${date.raw}”不是有效日期，无法照印，请退回经办人改正。`,
    });
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
    textCorrections: printable.corrections,
    correctedData: printable.corrections.length > 0 ? printable.data : null,
  };
}
