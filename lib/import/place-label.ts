/**
 * A reading problem's or finding's place (`t3`, `t3.r3_7`, `s1.active`, a cell id,
 * `meta.periodStart`, `file`) as the words a person finds it by, taken from the layout.
 * Universal and pure.
 */
import { getCell, listCells, listNarrativeFields, type Layout } from "../template";

const metaLabels: Record<string, string> = {
  "meta.organizationName": "机关名称",
  "meta.year": "报告年度",
  "meta.periodStart": "统计期限",
  "meta.periodEnd": "统计期限",
  file: "整个文件",
};

export function placeLabel(layout: Layout, place: string): string {
  const meta = metaLabels[place];
  if (meta) return meta;
  const narrative = listNarrativeFields(layout).find((field) => field.id === place);
  if (narrative) {
    const section = listNarrativeFields(layout).find((field) => field.id === narrative.sectionId);
    return section && section.id !== narrative.id ? `${section.heading}·${narrative.heading}` : narrative.heading;
  }
  const table = layout.sections.find((section) => section.id === place);
  if (table) return table.heading;
  const cell = getCell(layout, place);
  const tableOf = (tableId: string): string =>
    layout.sections.find((section) => section.id === tableId)?.heading ?? tableId;
  if (cell) return `${tableOf(cell.tableId)}·${cell.label}`;
  // A row: `<table>.<row>`.
  const [tableId, rowId] = place.split(".");
  const rowCell = rowId
    ? listCells(layout).find((candidate) => candidate.tableId === tableId && candidate.row === rowId)
    : undefined;
  if (rowCell) return `${tableOf(rowCell.tableId)}·${rowCell.rowName}`;
  return place;
}
