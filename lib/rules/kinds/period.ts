/**
 * 统计期限: the meta dates and the sentence in the opening text must be real
 * dates and cover 1 January – 31 December of the report year. Errors: a
 * published report with an impossible date (seed 002) is wrong on its face.
 */
import { isRealIsoDate } from "../../report-data";
import type { FieldId } from "../../template";
import { messages } from "../messages";
import type { RuleEvaluator } from "../registry-types";
import { resolvePeriodDate, statedPeriod } from "../text/period-text";
import type { Finding } from "../types";

function coverage(
  ruleId: string,
  year: number,
  start: string,
  end: string,
  cellIds: readonly FieldId[],
): Finding | undefined {
  const expectedStart = `${year}-01-01`;
  const expectedEnd = `${year}-12-31`;
  if (start === expectedStart && end === expectedEnd) return undefined;
  return {
    ruleId,
    severity: "error",
    cellIds,
    message: messages.periodNotFullYear(year, start, end),
    expected: `${expectedStart}/${expectedEnd}`,
    actual: `${start}/${end}`,
  };
}

/** Findings `period.invalidDate` and `period.notFullYear`, on the meta dates and the layout's 统计期限 fields. */
export const period: RuleEvaluator<"period"> = {
  severity: "error",
  prepare(rule, compiled) {
    const invalid = `${rule.id}.invalidDate`;
    const notFullYear = `${rule.id}.notFullYear`;
    const fields = compiled.periodSentenceFields;
    return (state, out) => {
      const { meta } = state.data;
      const { periodStart, periodEnd } = meta;
      let metaOk = true;
      for (const [which, value, id] of [
        ["start", periodStart, "meta.periodStart"],
        ["end", periodEnd, "meta.periodEnd"],
      ] as const) {
        if (value === undefined) {
          metaOk = false;
        } else if (!isRealIsoDate(value)) {
          metaOk = false;
          out.push({
            ruleId: invalid,
            severity: "error",
            cellIds: [id],
            message: messages.periodMetaDate(which, value),
            actual: value,
          });
        }
      }
      if (metaOk && periodStart !== undefined && periodEnd !== undefined) {
        const finding = coverage(notFullYear, meta.year, periodStart, periodEnd, [
          "meta.periodStart",
          "meta.periodEnd",
        ]);
        if (finding) out.push(finding);
      }
      for (const field of fields) {
        const text = state.data.narrative[field.id];
        if (!text) continue;
        const stated = statedPeriod(text);
        if (!stated) continue;
        const start = resolvePeriodDate(stated.start, meta.year);
        const end = resolvePeriodDate(stated.end, meta.year);
        for (const date of [start, end]) {
          if (date.ok) continue;
          out.push({
            ruleId: invalid,
            severity: "error",
            cellIds: [field.id],
            message: messages.periodTextDate(field.heading, date.raw, date.suggestion),
            actual: date.raw,
            ...(date.suggestion === undefined ? {} : { expected: date.suggestion }),
          });
        }
        if (start.ok && end.ok) {
          const finding = coverage(notFullYear, meta.year, start.iso, end.iso, [field.id]);
          if (finding) out.push(finding);
        }
      }
    };
  },
};
