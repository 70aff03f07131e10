/**
 * `text.markup` and `text.invalidDate`: no markup and no impossible day in any text of the
 * report (lib/rules/text/markup.ts says what counts). Errors: a report is printed as typed,
 * and a printed `**` or `20231月1日` is wrong on its face. The 统计期限 dates themselves are
 * the `period` rule's; they are not reported twice.
 */
import type { FieldId } from "../../template";
import { messages } from "../messages";
import type { RuleEvaluator } from "../registry-types";
import { impossibleDatesIn, markupIn } from "../text/markup";
import { statedPeriod } from "../text/period-text";

/** At most this many fragments are quoted in one message; the rest are counted. */
const QUOTED = 3;

export const textMarkup: RuleEvaluator<"textMarkup"> = {
  severity: "error",
  prepare(rule, compiled) {
    const markupId = `${rule.id}.markup`;
    const dateId = `${rule.id}.invalidDate`;
    const periodFields = new Set<FieldId>(compiled.periodSentenceFields.map((field) => field.id));
    return (state, out) => {
      for (const field of compiled.narrativeFields) {
        const text = state.data.narrative[field.id];
        if (!text) continue;
        for (const [kind, found] of markupIn(text)) {
          out.push({
            ruleId: `${markupId}.${kind}`,
            severity: "error",
            cellIds: [field.id],
            message: messages.textMarkup(
              field.heading,
              kind,
              found.slice(0, QUOTED).map((each) => each.raw),
              found.length,
            ),
            actual: found[0]!.raw,
          });
        }
        const stated = periodFields.has(field.id) ? statedPeriod(text) : undefined;
        const periodRaws = new Set(stated ? [stated.start.raw, stated.end.raw] : []);
        for (const date of impossibleDatesIn(text, state.data.meta.year)) {
          if (periodRaws.has(date.raw)) continue;
          out.push({
            ruleId: dateId,
            severity: "error",
            cellIds: [field.id],
            message: messages.textDate(field.heading, date.raw, date.suggestion),
            actual: date.raw,
            ...(date.suggestion ? { expected: date.suggestion } : {}),
          });
        }
      }
    };
  },
};
