/**
 * How a downloaded report workbook ties its input cells to the template's cell ids: one
 * defined name per input cell, `NB_<layout>.<cell id>` (dots and underscores are what Excel,
 * WPS and LibreOffice all accept in a name; a name cannot hold the layout id's hyphen). A
 * defined name moves with its cell when an office program re-saves or inserts rows, and the
 * layout in the name keeps a gov-2019 workbook out of a gov-2021 draft whose cell ids it
 * shares. The title cell has a name too, so the preview can say which report the file was
 * downloaded from. Universal: the writer, the reader and the tests share these names.
 */
import type { CellId, LayoutId } from "@/lib/template";

const PREFIX = "NB_";

function layoutKey(layoutId: LayoutId | string): string {
  return layoutId.replace(/[^A-Za-z0-9]/g, "");
}

/** The defined name of an input cell of `layoutId`. */
export function workbookCellName(layoutId: LayoutId, cellId: CellId): string {
  return `${PREFIX}${layoutKey(layoutId)}.${cellId}`;
}

/** The defined name of the title cell (the report's body and year as downloaded). */
export const WORKBOOK_TITLE_NAME = `${PREFIX}title`;

/** The layout key a defined name carries (`gov2021`), or null for a name this app did not write. */
export function layoutKeyOfName(name: string): string | null {
  if (!name.startsWith(PREFIX)) return null;
  const dot = name.indexOf(".", PREFIX.length);
  return dot < 0 ? null : name.slice(PREFIX.length, dot);
}

export function isLayoutKey(layoutId: LayoutId, key: string): boolean {
  return layoutKey(layoutId).toLowerCase() === key.toLowerCase();
}
