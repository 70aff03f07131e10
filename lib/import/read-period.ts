/**
 * The 统计期限 as ISO dates, from the sentence that states it (“统计期限自
 * 2023年1月1日起至2023年12月31日止”, “统计数据从 2023 年 1 月 1 日至 12 月
 * 31 日”, “统计数据时限为……”). A date that is not a real day (seed 002:
 * “20231月1日”) is not guessed at: the period stays unset and the problem
 * names the date as written. The rule engine checks the same sentence in
 * the narrative text; this only fills meta.periodStart/periodEnd.
 */
import { isRealDate } from '../template';
import { normalizeWidth } from './label-key';

export type PeriodReading =
  | { readonly kind: 'period'; readonly start: string; readonly end: string }
  | { readonly kind: 'unreadable'; readonly raw: string }
  | { readonly kind: 'none' };

const PERIOD_SENTENCE = /统计(?:数据)?(?:的)?(?:期限|时限|时间|区间|周期|范围)|统计数据(?:从|自|为|是)|数据统计(?:期限|时限|时间)/;
const DATE = /(\d+)年(\d+)月(\d+)日|(\d+)月(\d+)日/g;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function isoOf(year: number | undefined, monthDigits: string, day: number): string | undefined {
  // More than two month digits is a year run into the month (“20231月”): not a date.
  if (year === undefined || monthDigits.length > 2) return undefined;
  const month = Number(monthDigits);
  if (year < 1000 || year > 9999 || !isRealDate(year, month, day)) return undefined;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function readSentence(sentence: string): PeriodReading {
  const dates: { raw: string; iso: string | undefined }[] = [];
  let lastYear: number | undefined;
  for (const match of sentence.matchAll(DATE)) {
    const [raw, y, m, d, m2, d2] = match;
    if (y !== undefined && m !== undefined && d !== undefined) {
      lastYear = y.length === 4 ? Number(y) : undefined;
      dates.push({ raw, iso: y.length === 4 ? isoOf(lastYear, m, Number(d)) : undefined });
    } else if (m2 !== undefined && d2 !== undefined) {
      // “至12月31日” carries the year written before it in the sentence.
      dates.push({ raw, iso: isoOf(lastYear, m2, Number(d2)) });
    }
  }
  const start = dates[0];
  const end = dates[dates.length - 1];
  if (!start || !end || dates.length < 2) return { kind: 'none' };
  if (start.iso === undefined) return { kind: 'unreadable', raw: start.raw };
  if (end.iso === undefined) return { kind: 'unreadable', raw: end.raw };
  return { kind: 'period', start: start.iso, end: end.iso };
}

/** The first 统计期限 the texts state, in the order given (preamble first). */
export function readPeriod(texts: readonly string[]): PeriodReading {
  for (const text of texts) {
    for (const sentence of text.split(/[。；;！!？?\n]/)) {
      const compact = normalizeWidth(sentence);
      if (!PERIOD_SENTENCE.test(compact)) continue;
      const reading = readSentence(compact);
      if (reading.kind !== 'none') return reading;
    }
  }
  return { kind: 'none' };
}
