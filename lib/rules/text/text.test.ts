import { describe, expect, it } from "vitest";
import { statedFigures } from "./figures";
import { kindWordsIn } from "./kind-words";
import { memoizeText } from "./memo";
import { resolvePeriodDate, statedPeriod } from "./period-text";

describe("statedFigures: only clear statements count", () => {
  it.each([
    // requests received
    ["全年共收到依申请公开35件，均为自然人申请件", { requestsReceived: 35 }],
    ["2023年度全镇共受理政府信息公开申请0件，年内办结0件", { requestsReceived: 0 }],
    ["本年度共收到 12 件政府信息公开申请", { requestsReceived: 12 }],
    ["新收政府信息公开申请共计８件", { requestsReceived: 8 }],
    ["我单位本年度未收到政府信息公开申请事项。", { requestsReceived: 0 }],
    ["截止2020年12月31日，我镇未收到过公开申请", { requestsReceived: 0 }],
    ["本年度没有收到依申请公开", { requestsReceived: 0 }],
    // cases
    ["全年被申请行政复议4件", { reviews: 4 }],
    ["发生政府信息公开行政诉讼2起", { lawsuits: 2 }],
    ["发生2起行政复议", { reviews: 2 }],
    ["亦未发生由政府信息公开引发的举报、投诉、行政复议和行政诉讼等。", { reviews: 0, lawsuits: 0 }],
    ["无政府信息依申请公开行政复议和行政诉讼案件。", { reviews: 0, lawsuits: 0 }],
    ["行政复议和行政诉讼案件0件", { reviews: 0, lawsuits: 0 }],
    ["行政复议、行政诉讼案件共3件", {}],
    ["被申请行政复议1件，未发生行政诉讼", { reviews: 1, lawsuits: 0 }],
    // not statements about these topics
    ["2023 年度无申请公开信息及相关申诉情况。", {}],
    ["主动公开政府信息3470条，受理12345热线工单104件。", {}],
    ["共办结104件，办结率100%", {}],
    ["申请人未经复议直接提起行政诉讼", {}],
    ["对无法提供的申请人依法告知行政复议权利", {}],
    ["收到政府信息公开申请35件。新收政府信息公开申请30件。", {}],
  ])("%s", (text, expected) => {
    expect(statedFigures(text)).toEqual(expected);
  });
});

describe("statedPeriod", () => {
  it.each([
    ["本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。", ["2023-01-01", "2023-12-31"]],
    ["本报告统计数据从 2023 年 1 月 1 日至 12 月 31 日。", ["2023-01-01", "2023-12-31"]],
    ["现将……报告如下:报告统计数据时限为2023年1月1日至2023年12月31日。", ["2023-01-01", "2023-12-31"]],
    ["统计期限自1月1日起至12月31日止", ["2023-01-01", "2023-12-31"]],
  ])("%s", (text, [start, end]) => {
    const period = statedPeriod(text);
    expect(period).toBeDefined();
    if (!period) return;
    expect(resolvePeriodDate(period.start, 2023)).toEqual({ ok: true, raw: expect.any(String), iso: start });
    expect(resolvePeriodDate(period.end, 2023)).toEqual({ ok: true, raw: expect.any(String), iso: end });
  });

  it("reports run-on dates as written with a suggestion", () => {
    const period = statedPeriod("本报告中所列数据的统计期限自20231月1日起至202312月31日止。");
    expect(period && resolvePeriodDate(period.start, 2023)).toEqual({
      ok: false,
      raw: "20231月1日",
      suggestion: "2023年1月1日",
    });
    expect(period && resolvePeriodDate(period.end, 2023)).toEqual({
      ok: false,
      raw: "202312月31日",
      suggestion: "2023年12月31日",
    });
  });

  it.each([
    ["no period sentence", "截止2020年12月31日，我镇未收到过公开申请。"],
    ["a period sentence with one date", "统计期限截至2023年12月31日。"],
    ["empty text", ""],
  ])("finds none in %s", (_name, text) => {
    expect(statedPeriod(text)).toBeUndefined();
  });
});

describe("kind words", () => {
  it.each([
    ["目前我乡政府信息公开工作", "乡", ["我乡"]],
    ["本镇与我镇", "镇", ["本镇", "我镇"]],
    ["本乡镇、我乡村振兴、本乡本土", "乡", undefined],
    ["我街道", "街道", ["我街道"]],
  ] as const)("%s → %s", (text, unit, words) => {
    expect(kindWordsIn(text).get(unit)).toEqual(words);
  });
});

describe("memoizeText", () => {
  it("parses each distinct string once and stays bounded", () => {
    let calls = 0;
    const parse = memoizeText((s: string) => {
      calls++;
      return s.length === 0 ? undefined : s.length;
    }, 2);
    expect([parse("a"), parse("a"), parse(""), parse("")]).toEqual([1, 1, undefined, undefined]);
    expect(calls).toBe(2);
    parse("bb"); // evicts 'a'
    parse("a");
    expect(calls).toBe(4);
  });
});
