/**
 * The two dates of a published report and the rules between them:
 *
 * - 统计期限 is the calendar year (the rules refuse anything else), so it ends
 *   on 31 December of the report year;
 * - the report is published only after its 统计期限 has ended;
 * - its 成文日期 (the signature's date, set when approved) falls after the
 *   统计期限 too, and not after the day it is published.
 *
 * Each check answers null or a zh-CN message saying what to do. Universal
 * and pure: the day is passed in (tests set the clock).
 */
import { formatDateZh } from "@/lib/format/format-date-zh";
import { isCalendarDay, nextDay, type CalendarDay } from "@/lib/format/calendar-day";

export function periodEndOf(year: number): CalendarDay {
  return `${year}-12-31`;
}

/** Why a report of `year` cannot be published on `today`, or null. */
export function publicationDayProblem(year: number, today: CalendarDay): string | null {
  const end = periodEndOf(year);
  if (today > end) return null;
  return `${year} 年度报告的统计期限到 ${formatDateZh(end)} 才结束，须在统计期限结束后发布（${formatDateZh(nextDay(end))}起）。`;
}

/** Why `documentDate` cannot be the 成文日期 of a report of `year` published on `publicationDay`, or null. */
export function documentDateProblem(
  documentDate: string,
  year: number,
  publicationDay: CalendarDay | null,
): string | null {
  if (!isCalendarDay(documentDate)) return "成文日期须为真实存在的日期，例如 2025-01-20。";
  const end = periodEndOf(year);
  if (documentDate <= end)
    return `成文日期 ${formatDateZh(documentDate)} 早于统计期限结束（${formatDateZh(end)}），请改为统计期限结束之后的日期。`;
  if (publicationDay !== null && documentDate > publicationDay)
    return `成文日期 ${formatDateZh(documentDate)} 晚于发布日期 ${formatDateZh(publicationDay)}，请改为发布当日或之前的日期。`;
  return null;
}

/** The latest report year whose 统计期限 has ended on `today`: the newest one that may be published. */
export function lastEndedYear(today: CalendarDay): number {
  return Number(today.slice(0, 4)) - 1;
}
