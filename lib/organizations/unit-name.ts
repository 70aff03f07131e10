/**
 * A unit's name as typed or read from a spreadsheet → as stored, or why it cannot be one.
 * Trimmed (full-width spaces too) and NFC-normalized; control characters (C0, C1, line and
 * paragraph separators, bidirectional overrides) refused, since they hide or reorder text
 * on screen and in the published report; at most 60 characters (the longest real body names,
 * 某某自治县某某局某某中心, stay under 40); no leading = + - @, which a spreadsheet that
 * exports the name would run as a formula. Universal.
 */
export const MAX_UNIT_NAME_LENGTH = 60;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff]/;
const EDGE_SPACE = /^[\s\u3000\u00a0\u200b]+|[\s\u3000\u00a0\u200b]+$/g;

export type UnitNameReading = { ok: true; name: string } | { ok: false; problem: string };

export function readUnitName(raw: string): UnitNameReading {
  const name = raw.normalize("NFC").replace(EDGE_SPACE, "");
  if (name === "") return { ok: false, problem: "请填写单位名称" };
  if (CONTROL.test(name)) return { ok: false, problem: "单位名称含有控制字符（如换行、制表符），请删除后重新输入" };
  if ([...name].length > MAX_UNIT_NAME_LENGTH)
    return { ok: false, problem: `单位名称不能超过 ${MAX_UNIT_NAME_LENGTH} 个字，现为 ${[...name].length} 个字` };
  if (/^[=+\-@]/.test(name)) return { ok: false, problem: "单位名称不能以 =、+、-、@ 开头" };
  return { ok: true, name };
}

/** Names compared as a person would: spaces inside ignored, full-width and half-width alike. */
export function unitNameKey(name: string): string {
  return name.normalize("NFKC").replace(/[\s\u3000]+/g, "");
}
