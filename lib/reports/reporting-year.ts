import { layoutForYear } from "@/lib/template";

/**
 * The report year an office is working on at `today`. Reports cover a calendar year and are
 * due by 31 January of the next year (条例 第四十九条); offices start in November.
 */
export function reportingYear(today: Date): number {
  const year = today.getFullYear();
  return today.getMonth() >= 10 ? year : year - 1;
}

/** The first moment at which `year` is the reporting year: 1 November of that year. */
export function reportingSeasonStart(year: number): Date {
  return new Date(year, 10, 1);
}

/**
 * Why `year` cannot be started at `today`, or null when it can. The reporting year can
 * always be opened; a later year has not happened yet; an earlier one only to fill in
 * history, where the organization has no report for it (a draft, a published or an
 * imported one all count), since a stray draft would block importing the real report.
 */
export function startYearProblem(year: number, today: Date, existing: { isPresent: boolean }): string | null {
  const current = reportingYear(today);
  if (year > current) return `${year} 年度尚不能填写：当前应填写的是 ${current} 年度报告。`;
  if (year < current && existing.isPresent)
    return `本单位已有 ${year} 年度报告，请在“历年报告”中打开；如需以已公开的报告替换，请使用“导入往年报告”。`;
  return null;
}

/** The earlier years (newest first, back to the first layout's) that have no report yet. */
export function yearsToFillIn(today: Date, reportedYears: readonly number[]): number[] {
  const years: number[] = [];
  for (let year = reportingYear(today) - 1; layoutForYear(year); year -= 1)
    if (!reportedYears.includes(year)) years.push(year);
  return years;
}

/** The years a staff page's year filter offers, newest first: the reporting year back to 2019. */
export function yearFilterOptions(today: Date): { value: number; label: string }[] {
  const current = reportingYear(today);
  return Array.from({ length: current - 2018 }, (_, index) => current - index).map((year) => ({
    value: year,
    label: `${year} 年度`,
  }));
}
