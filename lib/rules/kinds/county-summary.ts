/**
 * `county.summary`: a county government's report written in 全县 mode states the sum of its
 * units' reports (lib/report-data sumReports); a figure that differs from that sum is named.
 * A warning, not an error: a unit's report may still be corrected after the county's was
 * written, and the clerk says why. Runs only when the caller passes the summary.
 */
import { figureFinding } from "../figure-finding";
import { messages } from "../messages";
import type { RuleEvaluator } from "../registry-types";

export const countySummary: RuleEvaluator<"countySummary"> = {
  severity: "warning",
  prepare(rule, compiled) {
    const inputs = compiled.inputCells.map((cell) => ({ index: cell.index, id: cell.id, label: cell.label }));
    return (state, out) => {
      const summary = state.countySummary;
      if (!summary) return;
      for (const cell of inputs) {
        const actual = state.values[cell.index];
        // A missing figure is the completeness rule's; only a stated figure is compared.
        if (actual === undefined || actual !== actual) continue;
        const summed = summary.cells[cell.id];
        const expected = typeof summed === "number" && Number.isFinite(summed) ? summed : 0;
        if (actual === expected) continue;
        out.push(
          figureFinding(rule.id, "warning", [cell.id], messages.countySummary(cell.label, expected, actual), {
            expected,
            actual,
          }),
        );
      }
    };
  },
};
