/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a set of 31 (digits and the capital
 * letters without I, O, Z, S, V): registration authority, category, the 6-digit division
 * code, the 9-character subject code, and a check character — the weighted sum of the first
 * 17 (weights 3^i mod 31) taken mod 31, subtracted from 31. Universal (the forms check as
 * the server does).
 */
export const CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character for the first 17 characters, or null when one is outside the set. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    const value = CREDIT_CODE_CHARACTERS.indexOf(first17[index]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[index]!;
  }
  return CREDIT_CODE_CHARACTERS[(31 - (sum % 31)) % 31]!;
}

/** A code as typed → as stored: full-width characters and lower case folded, spaces dropped. */
export function normalizeCreditCode(raw: string): string {
  return raw.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

/** Why a (normalized) code is not a 统一社会信用代码, in zh-CN; null when it is one. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `统一社会信用代码应为 18 位，现为 ${code.length} 位`;
  const wrong = [...code].findIndex((character) => !CREDIT_CODE_CHARACTERS.includes(character));
  if (wrong >= 0)
    return `统一社会信用代码第 ${wrong + 1} 位“${code[wrong]}”不是有效字符（只用数字和除 I、O、Z、S、V 以外的大写字母）`;
  const check = creditCodeCheckCharacter(code.slice(0, 17));
  if (check !== code[17]) return `统一社会信用代码的校验码（第 18 位）不符，按前 17 位应为“${check}”，请核对`;
  return null;
}
