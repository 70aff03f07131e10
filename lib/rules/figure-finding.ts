import type { FieldId } from "../template";
import type { Finding, Severity } from "./types";

/**
 * A finding about figures that do not agree (a total, a balance, last year's figure): the
 * rule, the cells concerned, the zh-CN message, and the figure expected against the one the
 * report states, so the form and the review page can show both.
 */
export function figureFinding(
  ruleId: string,
  severity: Severity,
  cellIds: readonly FieldId[],
  message: string,
  figures: { readonly expected: number; readonly actual: number },
): Finding {
  return { ruleId, severity, cellIds, message, expected: figures.expected, actual: figures.actual };
}
