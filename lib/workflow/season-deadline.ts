/**
 * Where a unit stands against its reporting deadline (the county's calendar,
 * lib/organizations/reporting-calendar.ts), in calendar days of China
 * (lib/format/calendar-day.ts). The deadline is the day by which the report must be
 * published (公布期限), so a report is late until it is published. An imported report whose
 * document states no 发布日期 was published on a day nobody knows: neither on time nor late
 * (the day it was imported here says nothing about when its body published it). Universal and pure: the
 * season board, its exports and the clerk's banner word it the same way.
 */
import { toDateColumn, type CalendarDay } from "@/lib/format/calendar-day";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((toDateColumn(to).getTime() - toDateColumn(from).getTime()) / DAY_MS);
}

export type DeadlineStanding =
  /** Not yet published, deadline today or later. */
  | { kind: "open"; daysLeft: number }
  /** Not yet published, deadline passed. */
  | { kind: "overdue"; daysLate: number }
  /** Published: on time (daysLate 0) or that many days after the deadline. */
  | { kind: "published"; daysLate: number }
  /** Published, on a day nobody knows: an imported document that states no 发布日期. */
  | { kind: "publishedUndated" };

export function deadlineStanding(input: {
  deadline: CalendarDay;
  today: CalendarDay;
  /** The day the report was first published, "undated" when that is not known, null while it is not. */
  publishedOn: CalendarDay | "undated" | null;
}): DeadlineStanding {
  if (input.publishedOn === "undated") return { kind: "publishedUndated" };
  if (input.publishedOn !== null)
    return { kind: "published", daysLate: Math.max(0, daysBetween(input.deadline, input.publishedOn)) };
  const daysLeft = daysBetween(input.today, input.deadline);
  return daysLeft >= 0 ? { kind: "open", daysLeft } : { kind: "overdue", daysLate: -daysLeft };
}

/** 距截止还有 5 天 · 今天截止 · 已逾期 3 天 · 按时发布 · 逾期 2 天发布 */
export function deadlineStandingLabel(standing: DeadlineStanding): string {
  switch (standing.kind) {
    case "open":
      return standing.daysLeft === 0 ? "今天截止" : `距截止还有 ${standing.daysLeft} 天`;
    case "overdue":
      return `已逾期 ${standing.daysLate} 天`;
    case "published":
      return standing.daysLate === 0 ? "按时发布" : `逾期 ${standing.daysLate} 天发布`;
    case "publishedUndated":
      return "已发布（原文未注明发布日期）";
  }
}

/** The board's short form: 剩 5 天 · 逾期 3 天 · 按时 · 逾期 2 天发布 */
export function deadlineStandingShortLabel(standing: DeadlineStanding): string {
  switch (standing.kind) {
    case "open":
      return standing.daysLeft === 0 ? "今天截止" : `剩 ${standing.daysLeft} 天`;
    case "overdue":
      return `逾期 ${standing.daysLate} 天`;
    case "published":
      return standing.daysLate === 0 ? "按时发布" : `逾期 ${standing.daysLate} 天发布`;
    case "publishedUndated":
      return "已发布，日期不详";
  }
}

/** 退回后 3 天未修改 (0 days: 今天退回，尚未修改). */
export function returnedUntouchedLabel(days: number): string {
  return days === 0 ? "今天退回，尚未修改" : `退回后 ${days} 天未修改`;
}
