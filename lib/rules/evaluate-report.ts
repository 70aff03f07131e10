/**
 * evaluateReport: the one entry point of the rule engine, pure and
 * universal (the form in the browser and the submit gate on the server call
 * the same function). A layout's rules are prepared once and cached; text
 * parses are memoized per string, so re-validating after one cell changes
 * costs little more than reading the cells.
 */
import { guessOrganizationKind } from "../report-data";
import { compileLayout, type Layout } from "../template";
import { readCells } from "./cell-values";
import { engineRules, prepareRule } from "./registry";
import type { Organization } from "../report-data";
import type { Check, EvalState, EvaluateInput, Finding } from "./types";

const checksCache = new WeakMap<Layout, readonly Check[]>();

function checksFor(layout: Layout): readonly Check[] {
  const cached = checksCache.get(layout);
  if (cached) return cached;
  const compiled = compileLayout(layout);
  const checks = [...engineRules, ...layout.rules].map((rule) => prepareRule(rule, compiled));
  checksCache.set(layout, checks);
  return checks;
}

/** The given body, or one guessed from the title's name (lib/report-data guessOrganizationKind). */
function organizationOf(input: EvaluateInput): Organization | undefined {
  if (input.organization) return input.organization;
  const name = input.data.meta.organizationName;
  const kind = guessOrganizationKind(name);
  return kind ? { name, kind } : undefined;
}

export function evaluateReport(input: EvaluateInput): Finding[] {
  const checks = checksFor(input.layout);
  const reading = readCells(compileLayout(input.layout), input.data);
  const state: EvalState = {
    data: input.data,
    values: reading.values,
    missing: reading.missing,
    issues: reading.issues,
    unknownCellIds: reading.unknownIds,
    previousYear: input.previousYear,
    organization: organizationOf(input),
    countySummary: input.countySummary,
  };
  const out: Finding[] = [];
  for (const check of checks) check(state, out);
  return out;
}

/** Whether any finding blocks submission. */
export function hasBlockingFindings(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}
