import { describe, expect, it } from "vitest";
import { seed002Corrected } from "@/fixtures";
import { getLayout } from "../template";
import { blankReportData } from "./blank-report-data";
import { parseReportData, toStoredReportData, type ReportDataReading } from "./stored-report-data";

const layout = getLayout("gov-2021");
const meta = { organizationName: "朝阳镇人民政府", year: 2023 };

function refusal(reading: ReportDataReading) {
  if (reading.ok) throw new Error("expected the JSON to be refused");
  return reading.error;
}

describe("parseReportData", () => {
  it("reads stored JSON back as the data that was stored", () => {
    const json: unknown = JSON.parse(JSON.stringify(toStoredReportData(seed002Corrected)));
    expect(parseReportData(layout, json)).toEqual({ ok: true, data: seed002Corrected });
    const blank = blankReportData(layout, "朝阳镇人民政府", 2023);
    expect(parseReportData(layout, toStoredReportData(blank))).toEqual({ ok: true, data: blank });
  });

  it.each([
    ["no object at all", null, "报告数据", "格式不正确"],
    ["a missing part", { cells: {}, meta }, "正文", "缺少此项"],
    [
      "a cell of the wrong type",
      { cells: { "t3.r1.natural": 1.5 }, narrative: {}, meta },
      "一、本年新收政府信息公开申请数量·自然人",
      "请输入整数",
    ],
    [
      "a figure that is text",
      { cells: { "t3.r1.natural": "35" }, narrative: {}, meta },
      "一、本年新收政府信息公开申请数量·自然人",
      "请输入数字",
    ],
    [
      "a cell of the other layout",
      { cells: { "t2.procurement.amount": 1 }, narrative: {}, meta },
      "表格数据",
      "数据项“t2.procurement.amount”不属于本报告格式",
    ],
    [
      "a text with a control character",
      { cells: {}, narrative: { s5: "问题\u0007" }, meta },
      "五、存在的主要问题及改进情况",
      "第 3 个字（“问题”之后）是一个看不见的控制字符，请删除后重新输入",
    ],
    [
      "a text with half of an emoji (an unpaired surrogate)",
      { cells: {}, narrative: { s5: "问题\uD83D已整改" }, meta },
      "五、存在的主要问题及改进情况",
      "第 3 个字（“问题”之后）是一个无法识别的字符（常显示为 �），请删除后重新输入",
    ],
    ["a year out of range", { cells: {}, narrative: {}, meta: { ...meta, year: 1999 } }, "报告年度", "超出允许的范围"],
  ])("refuses %s with the place and reason in zh-CN", (_name, json, place, reason) => {
    const error = refusal(parseReportData(layout, json));
    expect(error).toMatchObject({ place, reason, message: `${place}：${reason}` });
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.issues.length).toBeLessThanOrEqual(5);
  });

  it("lists the first few problems with their paths", () => {
    const cells = Object.fromEntries(
      ["r1", "r2", "r3_1", "r3_2", "r3_7", "r4"].map((row) => [`t3.${row}.natural`, -1]),
    );
    const error = refusal(parseReportData(layout, { cells, narrative: {}, meta }));
    expect(error.issues).toHaveLength(5);
    expect(error.issues[0]).toEqual({ path: "cells.t3.r1.natural", message: "请输入 0 或正整数" });
  });
});

describe("toStoredReportData", () => {
  it("keeps what JSON keeps: undefined dropped, a non-finite figure as null", () => {
    const stored = toStoredReportData({
      cells: { "t3.r1.natural": 3, "t3.r1.business": null, "t3.r1.research": undefined, "t3.r1.legal": Number.NaN },
      narrative: { s5: "问题", s6: undefined },
      meta: { ...meta, periodStart: undefined },
    });
    expect(stored).toEqual({
      cells: { "t3.r1.natural": 3, "t3.r1.business": null, "t3.r1.legal": null },
      narrative: { s5: "问题" },
      meta,
    });
    expect(Object.keys(stored.meta)).toEqual(["organizationName", "year"]);
  });
});
