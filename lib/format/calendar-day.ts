/**
 * Calendar days (YYYY-MM-DD) as reports carry them: the 成文日期, the 发布日期,
 * the end of the 统计期限. Days are China's (UTC+8, no daylight saving), and
 * PostgreSQL DATE columns come back from Prisma as midnight UTC.
 *
 * Universal and pure.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export type CalendarDay = string;

/** The day in China at `instant`. */
export function chinaDay(instant: Date): CalendarDay {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether `text` is YYYY-MM-DD and a day that exists. */
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A DATE column's value (midnight UTC) as a day. */
export function fromDateColumn(value: Date): CalendarDay {
  return value.toISOString().slice(0, 10);
}

/** A day as a DATE column takes it. */
export function toDateColumn(day: CalendarDay): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The day after `day`. */
export function nextDay(day: CalendarDay): CalendarDay {
  return new Date(toDateColumn(day).getTime() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
