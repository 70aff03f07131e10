/**
 * Rules of a page merged: every cell draws its own four sides, so shared
 * sides come twice and a row's bottom is many short pieces; drawn as they
 * are they would be thousands of strokes. Collinear pieces that touch or
 * overlap become one.
 *
 * Universal and pure.
 */
import type { PlacedRule } from "./placed";

const PRECISION = 100;

function key(value: number): number {
  return Math.round(value * PRECISION) / PRECISION;
}

function mergeIntervals(intervals: [number, number][]): [number, number][] {
  intervals.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [start, end] of intervals) {
    const last = out[out.length - 1];
    if (last && start <= last[1] + 0.01) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

export function mergeRules(rules: readonly PlacedRule[]): PlacedRule[] {
  const horizontal = new Map<number, [number, number][]>();
  const vertical = new Map<number, [number, number][]>();
  const other: PlacedRule[] = [];
  for (const rule of rules) {
    if (key(rule.y1) === key(rule.y2)) {
      const list = horizontal.get(key(rule.y1)) ?? [];
      list.push([Math.min(rule.x1, rule.x2), Math.max(rule.x1, rule.x2)]);
      horizontal.set(key(rule.y1), list);
    } else if (key(rule.x1) === key(rule.x2)) {
      const list = vertical.get(key(rule.x1)) ?? [];
      list.push([Math.min(rule.y1, rule.y2), Math.max(rule.y1, rule.y2)]);
      vertical.set(key(rule.x1), list);
    } else {
      other.push(rule);
    }
  }
  const out: PlacedRule[] = [];
  for (const [y, list] of horizontal) for (const [x1, x2] of mergeIntervals(list)) out.push({ x1, y1: y, x2, y2: y });
  for (const [x, list] of vertical) for (const [y1, y2] of mergeIntervals(list)) out.push({ x1: x, y1, x2: x, y2 });
  return [...out, ...other];
}
