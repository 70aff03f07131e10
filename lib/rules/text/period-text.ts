/**
 * The 统计期限 sentence of a report's opening (“本报告中所列数据的统计期限
 * 自2023年1月1日起至2023年12月31日止”, “本报告统计数据从 2023 年 1 月 1 日至
 * 12 月 31 日”, “报告统计数据时限为……”), parsed into its dates. A date whose
 * parts are not a real day (seed 002: “20231月1日”) is reported as written.
 */
import { isRealDate } from "../../report-data";
import { memoizeText } from "./memo";
import { normalizeProse, sentences } from "./normalize";

export type PeriodDate =
  | { readonly ok: true; readonly raw: string; readonly iso: string }
  | { readonly ok: false; readonly raw: string; readonly suggestion?: string };

/** A date as written; `year` is undefined when the text leaves it out. */
export interface PeriodToken {
  readonly raw: string;
  readonly year: number | undefined;
  readonly monthDigits: string;
  readonly day: number;
}

export interface StatedPeriod {
  readonly start: PeriodToken;
  readonly end: PeriodToken;
}

const periodSentence =
  /统计(?:数据)?(?:的)?(?:期限|时限|时间|区间|周期)|统计数据(?:从|自|为)|数据统计(?:期限|时限|时间)/;
const dateToken = /(\d+)年(\d+)月(\d+)日|(\d+)月(\d+)日/g;

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/**
 * A month run into the year (“20231月” → 2023年1月, “202312月” → 2023年12月) is
 * the common slip; suggest the corrected wording when the split is unambiguous.
 */
function suggestRunOn(digits: string, day: number): string | undefined {
  if (digits.length < 5 || digits.length > 6) return undefined;
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4));
  return year >= 2000 && year <= 2100 && isRealDate(year, month, day) ? `${year}年${month}月${day}日` : undefined;
}

/**
 * Resolve a written date; a date written without its year (“至12月31日” with no
 * earlier year in the sentence) takes `reportYear`.
 */
export function resolvePeriodDate(token: PeriodToken, reportYear: number): PeriodDate {
  const { raw, monthDigits, day } = token;
  const month = Number(monthDigits);
  // More than two month digits is a year run into the month: never a real date.
  const year = monthDigits.length > 2 ? undefined : (token.year ?? reportYear);
  if (year === undefined || year < 1000 || year > 9999 || !isRealDate(year, month, day)) {
    const suggestion = suggestRunOn(monthDigits, day);
    return suggestion ? { ok: false, raw, suggestion } : { ok: false, raw };
  }
  return { ok: true, raw, iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

function parsePeriod(text: string): StatedPeriod | undefined {
  for (const sentence of sentences(text)) {
    const normalized = normalizeProse(sentence);
    if (!periodSentence.test(normalized)) continue;
    const tokens: PeriodToken[] = [];
    let lastYear: number | undefined;
    for (const match of normalized.matchAll(dateToken)) {
      const [raw, y, m, d, m2, d2] = match;
      if (y !== undefined && m !== undefined && d !== undefined) {
        lastYear = Number(y);
        tokens.push({ raw, year: lastYear, monthDigits: m, day: Number(d) });
      } else if (m2 !== undefined && d2 !== undefined) {
        // “至12月31日” inherits the year written earlier in the sentence.
        tokens.push({ raw, year: lastYear, monthDigits: m2, day: Number(d2) });
      }
    }
    const start = tokens[0];
    const end = tokens[tokens.length - 1];
    if (start && end && tokens.length >= 2) return { start, end };
  }
  return undefined;
}

/** The 统计期限 a text states, or undefined; memoized per string. */
export const statedPeriod = memoizeText(parsePeriod);
