/** The one rule engine: pure, universal. See README.md for rule ids and severities. */
export { evaluateReport, hasBlockingFindings } from "./evaluate-report";
export type { EvaluateInput, Finding, Severity } from "./types";
export { evaluators, engineRules } from "./registry";
export type { Rule, RuleKind, RuleParams } from "./registry-types";
export { messages } from "./messages";
export { statedFigures } from "./text/figures";
export { statedPeriod, resolvePeriodDate } from "./text/period-text";
export {
  printableReport,
  textCorrectionsRecord,
  type PrintableReport,
  type ReportTextCorrection,
} from "./printable-report";
