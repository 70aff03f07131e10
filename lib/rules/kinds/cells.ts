/** Cell-level checks: value types and bounds, unknown ids, completeness. */
import { issueKindAt } from "../cell-values";
import { messages } from "../messages";
import type { RuleEvaluator } from "../registry-types";

/** Findings `cell.notNumber`, `cell.notInteger`, `cell.negative`, `cell.tooManyDecimals`, `cell.outOfRange`, `cell.unknown`. */
export const cellTypes: RuleEvaluator<"cellTypes"> = {
  severity: "error",
  prepare(rule, compiled) {
    return (state, out) => {
      for (let i = 0; i < state.issues.length; i++) {
        const kind = issueKindAt(state.issues, i);
        const cell = compiled.cells[i];
        if (kind === undefined || cell === undefined) continue;
        const actual = state.data.cells[cell.id];
        out.push({
          ruleId: `${rule.id}.${kind}`,
          severity: "error",
          cellIds: [cell.id],
          message: messages.cellValue(cell.label, kind, cell.type),
          ...(typeof actual === "number" ? { actual } : {}),
        });
      }
      for (const id of state.unknownCellIds) {
        out.push({ ruleId: `${rule.id}.unknown`, severity: "error", cellIds: [id], message: messages.unknownCell(id) });
      }
    };
  },
};

interface RowGroup {
  readonly label: string;
  readonly indexes: readonly number[];
}

interface TableGroup {
  readonly heading: string;
  readonly all: readonly number[];
  readonly rows: readonly RowGroup[];
}

/**
 * `completeness.cells`: one finding per row with missing cells (naming
 * them), or one per table when the whole table is missing — seed 000 has no
 * table 四 at all, and fifteen findings would bury the one instruction.
 */
export const completeness: RuleEvaluator<"completeness"> = {
  severity: "error",
  prepare(rule, compiled) {
    const tables: TableGroup[] = [];
    for (const section of compiled.layout.sections) {
      if (section.kind !== "table") continue;
      const rows: RowGroup[] = [];
      for (const grid of section.grids) {
        const g = compiled.grid(grid.id);
        for (const row of g.rows) {
          const cells = g.rowCells(row.id);
          rows.push({ label: cells[0]?.rowName ?? row.label, indexes: cells.map((cell) => cell.index) });
        }
      }
      tables.push({ heading: section.heading, all: rows.flatMap((r) => r.indexes), rows });
    }
    const idOf = (i: number): string => compiled.cells[i]?.id ?? "";
    return (state, out) => {
      const { missing } = state;
      for (const table of tables) {
        if (table.all.every((i) => missing[i] === 1)) {
          out.push({
            ruleId: rule.id,
            severity: "error",
            cellIds: table.all.map(idOf),
            message: messages.missingTable(table.heading, table.all.length),
          });
          continue;
        }
        for (const row of table.rows) {
          if (!row.indexes.some((i) => missing[i] === 1)) continue;
          const gone = row.indexes.filter((i) => missing[i] === 1);
          out.push({
            ruleId: rule.id,
            severity: "error",
            cellIds: gone.map(idOf),
            message: messages.missingCells(
              table.heading,
              row.label,
              gone.map((i) => compiled.cells[i]?.columnLabel ?? ""),
              gone.length === row.indexes.length,
            ),
          });
        }
      }
    };
  },
};
