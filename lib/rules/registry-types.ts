/**
 * The rule vocabulary: every rule kind with its own parameters. Layout data
 * declares some kinds (lib/template LayoutRuleParams); the engine adds the
 * kinds every report gets. A mapped type gives each evaluator exactly its
 * parameters, so dispatch needs no casts (a cast would hide a kind whose
 * evaluator reads parameters it was never given).
 */
import type { CompiledLayout, LayoutRuleParams } from "../template";
import type { Check, Severity } from "./types";

type NoParams = Record<never, never>;

export interface EngineRuleParams {
  /** Each cell holds a value of its type (count, signedCount, money) and known id. */
  readonly cellTypes: NoParams;
  /** Every cell present (null/absent = missing). */
  readonly completeness: NoParams;
  /** Every required narrative field non-blank. */
  readonly narrativeRequired: NoParams;
  /** A section heading typed again inside a narrative (seed 001's second 一、总体情况). */
  readonly duplicateHeading: NoParams;
  /** 统计期限: meta dates and the sentence in the layout's periodSentenceFields are real dates covering the year. */
  readonly period: NoParams;
  /** The title's body name matches the body. */
  readonly organizationName: NoParams;
  /** The body does not call itself by another kind (a 镇 writing 我乡). */
  readonly kindWord: NoParams;
  /** No Markdown emphasis, character references or impossible days in the texts. */
  readonly textMarkup: NoParams;
  /** A county report in 全县 mode states the sum of its units' tables (given as EvaluateInput.countySummary). */
  readonly countySummary: NoParams;
}

export type RuleParams = LayoutRuleParams & EngineRuleParams;
export type RuleKind = keyof RuleParams;

export type Rule<K extends RuleKind = RuleKind> = {
  [P in K]: { readonly kind: P; readonly id: string } & RuleParams[P];
}[K];

export interface RuleEvaluator<K extends RuleKind> {
  readonly severity: Severity;
  /** Runs once per (layout, rule): resolve ids to indexes and labels. */
  prepare(rule: Rule<K>, layout: CompiledLayout): Check;
}

export type Evaluators = { readonly [K in RuleKind]: RuleEvaluator<K> };
