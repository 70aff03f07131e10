/**
 * A reading problem's or finding's place (`t3`, `t3.r3_7`, `s1.active`, a cell id,
 * `meta.periodStart`, `file`) as the words a person finds it by, taken from the layout.
 * Universal and pure.
 */
import { metaFieldLabels } from "../report-data";
import { compileLayout, type Layout } from "../template";

const otherLabels: Readonly<Record<string, string>> = { ...metaFieldLabels, file: "整个文件" };

export function placeLabel(layout: Layout, place: string): string {
  const other = otherLabels[place];
  if (other) return other;
  const compiled = compileLayout(layout);
  const narrative = compiled.narrativeField(place);
  if (narrative) {
    const section = compiled.narrativeField(narrative.sectionId);
    return section && section.id !== narrative.id ? `${section.heading}·${narrative.heading}` : narrative.heading;
  }
  const table = layout.sections.find((section) => section.id === place);
  if (table) return table.heading;
  const cell = compiled.cell(place);
  const tableOf = (tableId: string): string =>
    layout.sections.find((section) => section.id === tableId)?.heading ?? tableId;
  if (cell) return `${tableOf(cell.tableId)}·${cell.label}`;
  // A row: `<table>.<row>`.
  const [tableId, rowId] = place.split(".");
  const rowCell = rowId
    ? compiled.cells.find((candidate) => candidate.tableId === tableId && candidate.row === rowId)
    : undefined;
  if (rowCell) return `${tableOf(rowCell.tableId)}·${rowCell.rowName}`;
  return place;
}
