/**
 * The one registry of rule kinds. Each entry is a small pure evaluator
 * (kinds/*.ts); its messages live in messages.ts. The mapped type
 * `Evaluators` makes the compiler check that every kind has an evaluator
 * taking exactly that kind's parameters.
 */
import type { CompiledLayout } from "../template";
import { balance, sumColumns, sumRows } from "./kinds/arithmetic";
import { cellTypes, completeness } from "./kinds/cells";
import { countySummary } from "./kinds/county-summary";
import { carryOver, stockBound } from "./kinds/cross-year";
import { kindWord, organizationName } from "./kinds/identity";
import { duplicateHeading, narrativeFigure, narrativeRequired } from "./kinds/narrative";
import { period } from "./kinds/period";
import { textMarkup } from "./kinds/text-markup";
import type { EngineRuleParams, Evaluators, Rule, RuleKind } from "./registry-types";
import type { Check } from "./types";

export const evaluators: Evaluators = {
  sumRows,
  sumColumns,
  balance,
  carryOver,
  stockBound,
  narrativeFigure,
  cellTypes,
  completeness,
  narrativeRequired,
  duplicateHeading,
  period,
  organizationName,
  kindWord,
  textMarkup,
  countySummary,
};

/**
 * The rules every report gets, whatever its layout: one per engine kind (the compiler checks
 * that none is left out), each with its id, the prefix of its findings.
 */
const engineRuleIds = {
  cellTypes: "cell",
  completeness: "completeness.cells",
  narrativeRequired: "narrative.required",
  duplicateHeading: "narrative.duplicateHeading",
  period: "period",
  organizationName: "identity.organizationName",
  kindWord: "identity.kindWord",
  textMarkup: "text",
  countySummary: "county.summary",
} as const satisfies Record<keyof EngineRuleParams, string>;

export const engineRules: readonly Rule[] = (Object.keys(engineRuleIds) as (keyof EngineRuleParams)[]).map((kind) => ({
  kind,
  id: engineRuleIds[kind],
}));

export function prepareRule<K extends RuleKind>(rule: Rule<K>, layout: CompiledLayout): Check {
  return evaluators[rule.kind].prepare(rule, layout);
}
