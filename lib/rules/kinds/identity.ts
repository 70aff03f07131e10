/** Whether the report speaks as the body it belongs to. Warnings: a reason may exist. */
import { messages } from "../messages";
import type { RuleEvaluator } from "../registry-types";
import { kindWordsIn, replacementWord, wrongUnits } from "../text/kind-words";
import { memoizeText } from "../text/memo";
import { normalizeProse } from "../text/normalize";

/** 朝阳镇人民政府 → 朝阳镇: titles often drop the 人民政府. */
const shortName = (name: string): string => normalizeProse(name).replace(/(?:人民政府|政府)$/, "");

/** Whether two names denote the same body (either contains the other's short form); memoized per pair. */
const sameBody = memoizeText((pair: string): boolean => {
  const [title = "", organization = ""] = pair.split("\u0000");
  const a = normalizeProse(title);
  const b = normalizeProse(organization);
  return a.includes(shortName(b)) || b.includes(shortName(a));
});

/** `identity.organizationName`: the title's body name is the body's name (full or short form). */
export const organizationName: RuleEvaluator<"organizationName"> = {
  severity: "warning",
  prepare(rule) {
    return (state, out) => {
      const organization = state.organization;
      const title = state.data.meta.organizationName;
      if (!organization || !/\S/.test(title)) return;
      if (sameBody(`${title}\u0000${organization.name}`)) return;
      out.push({
        ruleId: rule.id,
        severity: "warning",
        cellIds: ["meta.organizationName"],
        message: messages.organizationName(title, organization.name),
        expected: organization.name,
        actual: title,
      });
    };
  },
};

/** `identity.kindWord`: a 镇 must not write 我乡, a 乡 not 我镇, a 街道 neither. One finding per field. */
export const kindWord: RuleEvaluator<"kindWord"> = {
  severity: "warning",
  prepare(rule, compiled) {
    return (state, out) => {
      const kind = state.organization?.kind;
      if (kind === undefined) return;
      const { wrong, own } = wrongUnits[kind];
      if (wrong.length === 0 || own === undefined) return;
      for (const field of compiled.narrativeFields) {
        const text = state.data.narrative[field.id];
        if (!text) continue;
        const found = kindWordsIn(text);
        const word = wrong.flatMap((unit) => found.get(unit) ?? [])[0];
        if (word === undefined) continue;
        const suggested = replacementWord(word, own);
        out.push({
          ruleId: rule.id,
          severity: "warning",
          cellIds: [field.id],
          message: messages.kindWord(field.heading, word, kind, suggested),
          expected: suggested,
          actual: word,
        });
      }
    };
  },
};
