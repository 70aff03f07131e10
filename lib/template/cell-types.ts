/**
 * What each cell type admits, and the one wording of why a value does not fit. The form's
 * entry check, the save and submit schemas and the rule engine all ask `cellValueIssue` and
 * say `cellValueMessage`, so a clerk reads the same sentence wherever a figure is refused.
 */
import type { CellType } from "./types";

/** Largest figure any cell may hold; larger is a typing slip, not a statistic. */
export const MAX_CELL_VALUE = 1_000_000_000;
export const MAX_MONEY_DECIMALS = 4;

/** Why a value does not fit its cell type, in the order they are checked. */
export const cellValueIssues = ["notNumber", "notInteger", "negative", "outOfRange", "tooManyDecimals"] as const;
export type CellValueIssue = (typeof cellValueIssues)[number];

/** Decimal places of a finite number as written in shortest form (handles 1e-7). */
export function decimalPlaces(value: number): number {
  const text = String(Math.abs(value));
  const exp = text.indexOf("e-");
  if (exp >= 0) {
    const mantissa = text.slice(0, exp);
    const dot = mantissa.indexOf(".");
    return (dot >= 0 ? mantissa.length - dot - 1 : 0) + Number(text.slice(exp + 2));
  }
  const dot = text.indexOf(".");
  return dot >= 0 ? text.length - dot - 1 : 0;
}

/** The first reason `value` does not fit `type`, or undefined when it does. */
export function cellValueIssue(value: unknown, type: CellType): CellValueIssue | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) return "notNumber";
  if (type !== "money" && !Number.isInteger(value)) return "notInteger";
  if (type !== "signedCount" && value < 0) return "negative";
  if (Math.abs(value) > MAX_CELL_VALUE) return "outOfRange";
  if (type === "money" && decimalPlaces(value) > MAX_MONEY_DECIMALS) return "tooManyDecimals";
  return undefined;
}

/** zh-CN, an instruction: what to type instead. */
export function cellValueMessage(issue: CellValueIssue, type: CellType): string {
  switch (issue) {
    case "notNumber":
      return "请输入数字";
    case "notInteger":
      return type === "signedCount" ? "请输入整数（减少请填负数）" : "请输入整数";
    case "negative":
      return type === "money" ? "金额不能为负数，请输入 0 或正数" : "请输入 0 或正整数";
    case "outOfRange":
      return "数值超过 10 亿，请核对是否多输了数字";
    case "tooManyDecimals":
      return `金额最多保留 ${MAX_MONEY_DECIMALS} 位小数，请四舍五入`;
  }
}
