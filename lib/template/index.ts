/**
 * The national layouts as data: the registry, and each layout compiled once (compileLayout).
 * Adding a layout: one file in layouts/, one entry in `layouts` below, its tests.
 */
import { gov2019 } from "./layouts/gov-2019";
import { gov2021 } from "./layouts/gov-2021";
import type { Layout, LayoutId } from "./types";

export const layouts: Readonly<Record<LayoutId, Layout>> = {
  "gov-2021": gov2021,
  "gov-2019": gov2019,
};

export const layoutIds = Object.keys(layouts).filter(isLayoutId);

export function isLayoutId(id: string): id is LayoutId {
  return Object.prototype.hasOwnProperty.call(layouts, id);
}

export function getLayout(id: LayoutId): Layout;
export function getLayout(id: string): Layout | undefined;
export function getLayout(id: string): Layout | undefined {
  return isLayoutId(id) ? layouts[id] : undefined;
}

/** The layout in force for a report year, or undefined before 2019 (no layout carried). */
export function layoutForYear(year: number): Layout | undefined {
  return Object.values(layouts).find(
    (l) => year >= l.appliesToYears.from && (l.appliesToYears.to === null || year <= l.appliesToYears.to),
  );
}

export * from "./types";
export { compileLayout } from "./compile-layout";
export type {
  CellTotal,
  CompiledGrid,
  CompiledLayout,
  LayoutCell,
  NarrativeField,
  ComputedCell,
} from "./compile-layout";
export {
  cellValueIssue,
  cellValueIssues,
  cellValueMessage,
  decimalPlaces,
  MAX_CELL_VALUE,
  MAX_MONEY_DECIMALS,
} from "./cell-types";
export type { CellValueIssue } from "./cell-types";
export { standardPreamble, reportTitle, periodSentence } from "./preamble";
export type { PreambleInput } from "./preamble";
export { leafNodes, leafIdsUnder } from "./define-layout";
export { memoizeByLayout } from "./memoize-by-layout";
