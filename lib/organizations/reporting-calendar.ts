/**
 * A county's reporting season for one report year, as calendar dates (YYYY-MM-DD, the
 * county's own days, no time zone): drafting opens on 1 December of the reporting year;
 * townships and departments publish by 31 January of the next year (条例第四十九条 for
 * county departments, and in practice for townships); the county government's own report by
 * 31 March. A county that stored nothing for a year has these defaults. Universal: the form
 * checks the dates as the server does, and the clerk's home page words them.
 */
import { z } from "zod";

export type CalendarDates = { opensOn: string; unitDeadline: string; countyDeadline: string };

export type ReportingCalendar = CalendarDates & {
  countyId: string;
  countyName: string;
  year: number;
  /** Nothing stored for this county and year: the defaults. */
  isDefault: boolean;
};

export function defaultCalendarDates(year: number): CalendarDates {
  return { opensOn: `${year}-12-01`, unitDeadline: `${year + 1}-01-31`, countyDeadline: `${year + 1}-03-31` };
}

/** The deadline that applies to a unit: the county government's own, or its townships' and departments'. */
export function deadlineFor(calendar: CalendarDates, kind: string): string {
  return kind === "COUNTY" ? calendar.countyDeadline : calendar.unitDeadline;
}

/** 2027-01-31 → 2027 年 1 月 31 日 */
export function formatCalendarDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return `${year} 年 ${month} 月 ${day} 日`;
}

const calendarDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .max(100, { error: `请按“年-月-日”填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `请按“年-月-日”填写${label}，如 2027-01-31` })
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    }, `${label}不是有效的日期`);

/** The dates as sent by the calendar form, in order and near the year they are for. */
export const calendarDatesInput = (year: number) =>
  z
    .strictObject({
      opensOn: calendarDate("开始填报日期"),
      unitDeadline: calendarDate("乡镇（街道）和县直部门的公布期限"),
      countyDeadline: calendarDate("县政府的公布期限"),
    })
    .superRefine((dates, context) => {
      const within = (date: string, from: string, to: string) => date >= from && date <= to;
      if (!within(dates.opensOn, `${year}-01-01`, `${year + 1}-12-31`))
        context.addIssue({
          code: "custom",
          path: ["opensOn"],
          message: `开始填报日期应在 ${year} 年或 ${year + 1} 年内`,
        });
      for (const field of ["unitDeadline", "countyDeadline"] as const)
        if (!within(dates[field], `${year + 1}-01-01`, `${year + 1}-12-31`))
          context.addIssue({
            code: "custom",
            path: [field],
            message: `${year} 年度报告的公布期限应在 ${year + 1} 年内`,
          });
      if (dates.unitDeadline <= dates.opensOn)
        context.addIssue({ code: "custom", path: ["unitDeadline"], message: "公布期限应晚于开始填报日期" });
      if (dates.countyDeadline < dates.unitDeadline)
        context.addIssue({
          code: "custom",
          path: ["countyDeadline"],
          message: "县政府的公布期限不应早于乡镇（街道）和县直部门的期限（县政府报告汇总各单位情况）",
        });
    });

export const reportYearField = z
  .number({ error: "请选择年度" })
  .int({ error: "请选择年度" })
  .min(2008, { error: "年度无效" })
  .max(2100, { error: "年度无效" });
