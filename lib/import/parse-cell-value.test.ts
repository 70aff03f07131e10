import { describe, expect, it } from "vitest";
import { parseCellValue } from "./parse-cell-value";

describe("parseCellValue", () => {
  it.each([
    ["0", 0],
    [" 0", 0],
    ["0 ", 0],
    ["\u00a035\u3000", 35],
    ["３５", 35],
    ["-3", -3],
    ["+2", 2],
    ["12.3456", 12.3456],
    ["1,234", 1234],
    ["1,234,567.5", 1234567.5],
  ])("%j is the figure %d", (text, value) => {
    expect(parseCellValue(text)).toEqual({ kind: "number", value, raw: text.trim() });
  });

  it.each(["/", "／", "-", "—", "——", "无", "×"])("%j is a blank, not 0", (text) => {
    expect(parseCellValue(text)?.kind).toBe("blank");
  });

  it.each([
    ["147230元", 147230, "元"],
    ["12.5万元", 12.5, "万元"],
    ["１,２００ 元", 1200, "元"],
    ["3件", 3, "件"],
  ])("%j is the figure %d with its unit %s", (text, value, unit) => {
    expect(parseCellValue(text)).toEqual({ kind: "number", value, raw: text.trim(), unit });
  });

  it.each(["", "规章", "1.属于国家秘密", "1.", "2023年", "12,34", "三", "元", "万元"])("%j is not a value", (text) => {
    expect(parseCellValue(text)).toBeUndefined();
  });
});
