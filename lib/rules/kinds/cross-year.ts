/**
 * Year-to-year checks, run only when last year's report is known. Warnings:
 * a real difference (a corrected figure, a merger) is possible and the clerk
 * states the reason.
 */
import type { ReportData } from "../../report-data";
import { figureFinding } from "../figure-finding";
import { messages } from "../messages";
import type { RuleEvaluator } from "../registry-types";

/** A usable number from last year's report (it may use the other layout, or lack the cell). */
function previousValue(previous: ReportData, id: string): number | undefined {
  const v = previous.cells[id];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

export const carryOver: RuleEvaluator<"carryOver"> = {
  severity: "warning",
  prepare(rule, compiled) {
    const grid = compiled.grid(rule.grid);
    const fromLabel = grid.row(rule.from)?.label ?? rule.from;
    const pairs = grid.columns.flatMap((column) => {
      const to = grid.indexAt(rule.to, column.id);
      const from = grid.indexAt(rule.from, column.id);
      const toCell = compiled.cells[to];
      const fromCell = compiled.cells[from];
      // Both layouts share table 三's ids, so last year's cell has this layout's id.
      return toCell && fromCell ? [{ to, toId: toCell.id, label: toCell.label, fromId: fromCell.id }] : [];
    });
    return (state, out) => {
      const previous = state.previousYear;
      if (!previous) return;
      for (const pair of pairs) {
        const actual = state.values[pair.to];
        const expected = previousValue(previous, pair.fromId);
        if (actual === undefined || actual !== actual || expected === undefined || actual === expected) continue;
        const message = messages.carryOver(pair.label, fromLabel, expected, actual);
        out.push(figureFinding(rule.id, "warning", [pair.toId], message, { expected, actual }));
      }
    };
  },
};

export const stockBound: RuleEvaluator<"stockBound"> = {
  severity: "warning",
  prepare(rule, compiled) {
    const grid = compiled.grid(rule.grid);
    const addedLabel = grid.column(rule.added)?.label ?? rule.added;
    const rows = grid.rows
      .filter((row) => rule.rows.includes(row.id))
      .flatMap((row) => {
        const stock = compiled.cells[grid.indexAt(row.id, rule.stock)];
        const added = compiled.cells[grid.indexAt(row.id, rule.added)];
        return stock && added
          ? [
              {
                stock: grid.indexAt(row.id, rule.stock),
                added: grid.indexAt(row.id, rule.added),
                stockId: stock.id,
                addedId: added.id,
                label: stock.label,
              },
            ]
          : [];
      });
    return (state, out) => {
      const previous = state.previousYear;
      if (!previous) return;
      for (const row of rows) {
        const stock = state.values[row.stock];
        const added = state.values[row.added];
        const before = previousValue(previous, row.stockId);
        if (stock === undefined || added === undefined || before === undefined) continue;
        if (stock !== stock || added !== added || stock <= before + added) continue;
        const message = messages.stockBound(row.label, stock, before, added, addedLabel);
        out.push(
          figureFinding(rule.id, "warning", [row.stockId, row.addedId], message, {
            expected: before + added,
            actual: stock,
          }),
        );
      }
    };
  },
};
