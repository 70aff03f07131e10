import { describe, expect, it } from "vitest";
import { formatCellInput, parseCellInput } from "./cell-input";

const value = (raw: string, type: "count" | "signedCount" | "money" = "count") => {
  const result = parseCellInput(raw, type);
  return result.ok ? result.value : `refused: ${result.message}`;
};

describe("parseCellInput: what clerks type is normalized", () => {
  it.each([
    ["35", 35],
    ["３５", 35],
    [" 35 ", 35],
    ["3 5", 35],
    ["\u300035\u3000", 35],
    ["1,234", 1234],
    ["1，234", 1234],
    ["１，２３４", 1234],
    ["12,345,678", 12345678],
    ["0", 0],
    ["00", 0],
    ["35件", 35],
    ["3.0", 3],
    ["+7", 7],
  ])("count %j → %j", (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });

  it.each([
    ["1.5", 1.5],
    ["1。5", 1.5],
    ["１．５", 1.5],
    ["0.1234", 0.1234],
    [".5", 0.5],
    ["1,234.5", 1234.5],
    ["12.5万元", 12.5],
    ["12.5 万", 12.5],
  ])("money %j → %j", (raw, expected) => {
    expect(value(raw, "money")).toBe(expected);
  });

  it.each([
    ["-3", -3],
    ["－３", -3],
    ["\u22123", -3],
    ["+2", 2],
  ])("signed count %j → %j", (raw, expected) => {
    expect(value(raw, "signedCount")).toBe(expected);
  });

  it('blank is "not filled in", never 0', () => {
    expect(value("")).toBeNull();
    expect(value("   ")).toBeNull();
    expect(value("\u3000")).toBeNull();
  });
});

describe("parseCellInput: anything else is refused with an instruction", () => {
  it.each([
    ["abc", "“abc”不是数字：请只填写数字（如 35）"],
    ["3a", "“3a”不是数字：请只填写数字（如 35）"],
    ["无", "“无”不是数字：没有发生的请填 0"],
    ["—", "“—”不是数字：没有发生的请填 0"],
    ["/", "“/”不是数字：没有发生的请填 0"],
    ["3.5", "“3.5”：请输入整数"],
    ["-1", "“-1”：请输入 0 或正整数"],
    ["2000000000", "“2000000000”：数值超过 10 亿，请核对是否多输了数字"],
    ["3、5", "“3、5”不是数字：请只填写数字（如 35）"],
  ])("count %j", (raw, message) => {
    const result = parseCellInput(raw, "count");
    expect(result).toEqual({ ok: false, isIncomplete: false, message });
  });

  it("money: negative and more than 4 decimals", () => {
    expect(value("-1", "money")).toBe("refused: “-1”：金额不能为负数，请输入 0 或正数");
    expect(value("1.23456", "money")).toBe("refused: “1.23456”：金额最多保留 4 位小数，请四舍五入");
  });

  it("signed count: decimals", () => {
    expect(value("1.5", "signedCount")).toBe("refused: “1.5”：请输入整数（减少请填负数）");
  });

  it("marks what may still become a number as incomplete (said on leaving the cell)", () => {
    for (const raw of ["1,2", "12,", "5.", "-", "1,23"]) {
      const result = parseCellInput(raw, raw === "-" ? "signedCount" : "count");
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.isIncomplete).toBe(true);
    }
    const comma = parseCellInput("1,2", "count");
    expect(comma.ok ? "" : comma.message).toContain("千分位");
  });

  it("shortens a long pasted text in the message", () => {
    const result = parseCellInput("这是一段很长的文字，不应当出现在数字单元格里，但有人粘贴了进来", "count");
    expect(result.ok ? "" : result.message).toMatch(/^“.{20}…”不是数字/);
  });
});

describe("formatCellInput", () => {
  it.each([
    [null, ""],
    [undefined, ""],
    [0, "0"],
    [35, "35"],
    [1234, "1234"],
    [1.5, "1.5"],
    [0.1234, "0.1234"],
    [-3, "-3"],
    [-0, "0"],
  ])("%j → %j", (input, expected) => {
    expect(formatCellInput(input)).toBe(expected);
  });

  it("round-trips through parseCellInput", () => {
    for (const v of [0, 1, 35, 999999, 0.5, 12.3456]) {
      expect(value(formatCellInput(v), "money")).toBe(v);
    }
  });
});
