import { describe, expect, it } from "vitest";
import { compileLayout, decimalPlaces, getLayout } from "../template";
import { draftReportSchema, isRealIsoDate, submitReportSchema } from "./schema";
import type { ReportData } from "./types";

const layout = getLayout("gov-2021");
const layout2019 = getLayout("gov-2019");

function fullReport(): ReportData {
  const cells: Record<string, number> = {};
  for (const cell of compileLayout(layout).cells) cells[cell.id] = 0;
  const narrative: Record<string, string> = {};
  for (const field of compileLayout(layout).narrativeFields) narrative[field.id] = "无。";
  return {
    cells,
    narrative,
    meta: { organizationName: "朝阳镇人民政府", year: 2023, periodStart: "2023-01-01", periodEnd: "2023-12-31" },
  };
}

const withCells = (cells: Record<string, number | null>): ReportData => {
  const base = fullReport();
  return { ...base, cells: { ...base.cells, ...cells } };
};

describe("draft schema (autosave: lenient)", () => {
  const draft = draftReportSchema(layout);

  it("accepts an empty draft and nulls", () => {
    expect(draft.safeParse({ cells: {}, narrative: {}, meta: { organizationName: "", year: 2023 } }).success).toBe(
      true,
    );
    expect(
      draft.safeParse({ cells: { "t3.r1.natural": null }, narrative: {}, meta: { organizationName: "", year: 2023 } })
        .success,
    ).toBe(true);
  });

  it("accepts a complete report", () => {
    expect(draft.safeParse(fullReport()).success).toBe(true);
  });

  it.each([
    ["an unknown cell id", withCells({ "t3.r9.natural": 1 })],
    ["a gov-2019 cell id in a gov-2021 report", withCells({ "t2.procurement.items": 1 })],
    ["a fractional count", withCells({ "t3.r1.natural": 1.5 })],
    ["a negative count", withCells({ "t3.r1.natural": -1 })],
    ["a count above 10^9", withCells({ "t3.r1.natural": 1_000_000_001 })],
    ["a negative amount", withCells({ "t2.fees.amount": -0.5 })],
    ["an amount with 5 decimals", withCells({ "t2.fees.amount": 1.23456 })],
    ["an oversized narrative", { ...fullReport(), narrative: { s5: "字".repeat(20_001) } }],
    ["a control character in text", { ...fullReport(), narrative: { s5: "问题\u0007" } }],
    ["an unknown narrative id", { ...fullReport(), narrative: { s7: "无" } }],
    [
      "a malformed period date",
      { ...fullReport(), meta: { organizationName: "x", year: 2023, periodStart: "20231月1日" } },
    ],
    ["a fractional year", { ...fullReport(), meta: { organizationName: "x", year: 2023.5 } }],
  ])("refuses %s", (_name, value) => {
    expect(draft.safeParse(value).success).toBe(false);
  });

  it("accepts an amount with 4 decimals, and tab/newline in text", () => {
    expect(draft.safeParse(withCells({ "t2.fees.amount": 12.3456 })).success).toBe(true);
    expect(draft.safeParse({ ...fullReport(), narrative: { s5: "一是\n\t二是\r\n" } }).success).toBe(true);
  });

  it("explains refusals in zh-CN", () => {
    const result = draft.safeParse(withCells({ "t3.r1.natural": -1 }));
    expect(result.error?.issues[0]?.message).toBe("请输入 0 或正整数");
    expect(result.error?.issues[0]?.path).toEqual(["cells", "t3.r1.natural"]);
  });

  it("takes signed 本年增/减 in gov-2019 but no fractions there", () => {
    const draft2019 = draftReportSchema(layout2019);
    const meta = { organizationName: "祥云镇", year: 2020 };
    expect(draft2019.safeParse({ cells: { "t2.licensing.change": -3 }, narrative: {}, meta }).success).toBe(true);
    expect(draft2019.safeParse({ cells: { "t2.licensing.change": -3.5 }, narrative: {}, meta }).success).toBe(false);
    expect(draft2019.safeParse({ cells: { "t2.licensing.prevItems": -3 }, narrative: {}, meta }).success).toBe(false);
  });
});

describe("submit schema (strict)", () => {
  const submit = submitReportSchema(layout);

  it("accepts a complete report", () => {
    expect(submit.safeParse(fullReport()).success).toBe(true);
  });

  it("refuses a missing cell and a null cell", () => {
    const { ["t3.r4.total"]: _dropped, ...rest } = fullReport().cells;
    expect(submit.safeParse({ ...fullReport(), cells: rest }).success).toBe(false);
    expect(submit.safeParse(withCells({ "t3.r4.total": null })).success).toBe(false);
  });

  it("refuses an empty required narrative but not an empty preamble", () => {
    expect(submit.safeParse({ ...fullReport(), narrative: { ...fullReport().narrative, s5: "  " } }).success).toBe(
      false,
    );
    const { preamble: _p, ...noPreamble } = fullReport().narrative;
    expect(submit.safeParse({ ...fullReport(), narrative: noPreamble }).success).toBe(true);
  });

  it("refuses an impossible period date and an empty organization name", () => {
    const meta = fullReport().meta;
    expect(submit.safeParse({ ...fullReport(), meta: { ...meta, periodEnd: "2023-02-30" } }).success).toBe(false);
    expect(submit.safeParse({ ...fullReport(), meta: { ...meta, organizationName: " " } }).success).toBe(false);
  });

  it("parses into a ReportData", () => {
    const parsed = submit.parse(fullReport());
    const asReport: ReportData = parsed;
    expect(asReport.meta.year).toBe(2023);
  });
});

describe("helpers", () => {
  it.each([
    [0, 0],
    [12, 0],
    [1.5, 1],
    [0.1234, 4],
    [1e-7, 7],
    [1.5e-7, 8],
    [-2.25, 2],
  ])("decimalPlaces(%d) = %i", (value, places) => {
    expect(decimalPlaces(value)).toBe(places);
  });

  it.each([
    ["2023-01-01", true],
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2023-13-01", false],
    ["2023-1-1", false],
    ["20231-01-01", false],
  ])("isRealIsoDate(%s) = %s", (text, ok) => {
    expect(isRealIsoDate(text)).toBe(ok);
  });
});
