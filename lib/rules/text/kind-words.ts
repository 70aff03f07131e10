/**
 * First-person words a body uses for itself (我乡, 本镇, 我街道, 我县). A
 * 镇 writing 我乡 (seed 003) copied last year's text from a neighbour.
 */
import type { OrganizationKind } from "../../report-data";
import { memoizeText } from "./memo";
import { normalizeProse } from "./normalize";

export type KindWordUnit = "乡" | "镇" | "街道" | "县";

// 乡 followed by 镇/村/土/亲 is 乡镇, 乡村, 乡土, 乡亲, and 本乡本土 an idiom — not a self-reference.
const patterns: Record<KindWordUnit, RegExp> = {
  乡: /我乡(?![镇村土亲])|本乡(?![镇村土亲]|本土)/g,
  镇: /[我本]镇/g,
  街道: /[我本]街道/g,
  县: /[我本]县/g,
};

/** Self-reference words found in a text, by unit, with the exact words. */
function parseKindWords(text: string): ReadonlyMap<KindWordUnit, readonly string[]> {
  const normalized = normalizeProse(text);
  const found = new Map<KindWordUnit, string[]>();
  for (const unit of Object.keys(patterns).filter(isUnit)) {
    const words = [...new Set(Array.from(normalized.matchAll(patterns[unit]), (m) => m[0]))];
    if (words.length > 0) found.set(unit, words);
  }
  return found;
}

function isUnit(key: string): key is KindWordUnit {
  return key === "乡" || key === "镇" || key === "街道" || key === "县";
}

export const kindWordsIn = memoizeText(parseKindWords);

/**
 * Units a body of `kind` must not call itself, and the word to use instead.
 * 县 is absent for townships: 我县 there rightly means the county.
 */
export const wrongUnits: Record<
  OrganizationKind,
  { readonly wrong: readonly KindWordUnit[]; readonly own: string | undefined }
> = {
  TOWNSHIP: { wrong: ["镇", "街道"], own: "乡" },
  TOWN: { wrong: ["乡", "街道"], own: "镇" },
  SUBDISTRICT: { wrong: ["乡", "镇"], own: "街道" },
  COUNTY: { wrong: ["乡", "镇", "街道"], own: "县" },
  DEPARTMENT: { wrong: [], own: undefined },
};

/** The suggested replacement for `word` (我乡 → 我镇) for a body of `own` unit. */
export function replacementWord(word: string, own: string): string {
  return `${word.slice(0, 1)}${own}`;
}
