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
import type { Evaluators, Rule, RuleKind } from "./registry-types";
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

/** Rules every report gets, whatever its layout; ids are the prefixes of their findings. */
export const engineRules: readonly Rule[] = [
  { kind: "cellTypes", id: "cell" },
  { kind: "completeness", id: "completeness.cells" },
  { kind: "narrativeRequired", id: "narrative.required" },
  { kind: "duplicateHeading", id: "narrative.duplicateHeading" },
  { kind: "period", id: "period" },
  { kind: "organizationName", id: "identity.organizationName" },
  { kind: "kindWord", id: "identity.kindWord" },
  { kind: "textMarkup", id: "text" },
  { kind: "countySummary", id: "county.summary" },
];

export function prepareRule<K extends RuleKind>(rule: Rule<K>, layout: CompiledLayout): Check {
  return evaluators[rule.kind].prepare(rule, layout);
}
