/**
 * Dates as Chinese official documents print them: 2024年1月26日 (no leading
 * zeros, Arabic digits, as GB/T 9704 prescribes for the 成文日期).
 */

/** China has one time zone and no daylight saving: UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `2024-01-26` → `2024年1月26日`. A timestamp (Date or ISO string with time) is
 * read as the calendar day in China, so a report published at 01:00 Beijing
 * time carries that day, not the UTC one. Returns null for unparseable input.
 */
export function formatDateZh(input: Date | string): string | null {
  if (typeof input === "string") {
    const match = DATE_ONLY.exec(input);
    if (match) return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
  }
  const time = typeof input === "string" ? Date.parse(input) : input.getTime();
  if (!Number.isFinite(time)) return null;
  const china = new Date(time + CHINA_OFFSET_MS);
  return `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日`;
}
