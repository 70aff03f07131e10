/**
 * Which national format a report follows, decided from its own wording:
 * every label one layout prints and the other does not (本年新制作数量,
 * 其他对外管理服务事项 … for gov-2019; 本年制发件数, 本年废止件数 … for
 * gov-2021) counts as a vote. The labels come from lib/template, so a new
 * layout brings its own distinguishing words. The year decides only when
 * the tables say nothing.
 */
import { layoutForYear, layouts } from "../template";
import type { HeaderNode, Layout, LayoutId } from "../template/types";
import { labelKey } from "./label-key";

/** Shorter keys (其他, 规章, 总计) are too common to tell layouts apart. */
const MIN_KEY_LENGTH = 4;

function headerKeys(nodes: readonly HeaderNode[], into: Set<string>): void {
  for (const node of nodes) {
    into.add(labelKey(node.label));
    if (node.children) headerKeys(node.children, into);
  }
}

function labelKeysOf(layout: Layout): Set<string> {
  const keys = new Set<string>();
  for (const section of layout.sections) {
    if (section.kind !== "table") continue;
    for (const grid of section.grids) {
      if (grid.title) keys.add(labelKey(grid.title));
      headerKeys(grid.columns, keys);
      headerKeys(grid.rows, keys);
    }
  }
  return keys;
}

let distinctive: ReadonlyMap<LayoutId, ReadonlySet<string>> | undefined;

/** Per layout, the label keys no other layout prints. */
function distinctiveKeys(): ReadonlyMap<LayoutId, ReadonlySet<string>> {
  if (distinctive) return distinctive;
  const all = Object.values(layouts).map((layout) => ({ id: layout.id, keys: labelKeysOf(layout) }));
  const map = new Map<LayoutId, ReadonlySet<string>>();
  for (const { id, keys } of all) {
    const own = new Set<string>();
    for (const key of keys) {
      if (key.length < MIN_KEY_LENGTH) continue;
      if (all.some((other) => other.id !== id && other.keys.has(key))) continue;
      own.add(key);
    }
    map.set(id, own);
  }
  distinctive = map;
  return map;
}

export interface LayoutDecision {
  readonly layout: Layout;
  /** `content`: the wording decided; `year`: only the year did; `default`: neither. */
  readonly basis: "content" | "year" | "default";
  /** The layout the report year calls for, when the year is known. */
  readonly forYear: Layout | undefined;
}

export const DEFAULT_LAYOUT_ID: LayoutId = "gov-2021";

/** `keys`: label keys of every cell of the document (see labelKey). */
export function detectLayout(keys: Iterable<string>, year: number | undefined): LayoutDecision {
  const present = new Set(keys);
  const forYear = year === undefined ? undefined : layoutForYear(year);
  let best: { id: LayoutId; votes: number } | undefined;
  let tie = false;
  for (const [id, own] of distinctiveKeys()) {
    let votes = 0;
    for (const key of own) if (present.has(key)) votes++;
    if (votes === 0) continue;
    if (!best || votes > best.votes) {
      best = { id, votes };
      tie = false;
    } else if (votes === best.votes) {
      tie = true;
    }
  }
  if (best && !tie) return { layout: layouts[best.id], basis: "content", forYear };
  if (forYear) return { layout: forYear, basis: "year", forYear };
  return { layout: layouts[DEFAULT_LAYOUT_ID], basis: "default", forYear };
}
