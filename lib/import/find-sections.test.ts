/**
 * Which lines head the template's sections. A sub-heading of 一、总体情况 may repeat a
 * section's words under a bracketed number (（一）主动公开政府信息情况, the corpus entry
 * shuyang-fgj-2023): it is a part of 一, not section 二. Through readReportText, so the lines
 * are prepared as for any upload.
 */
import { describe, expect, it } from "vitest";
import { readReportText } from "./read-report-text";

const report = (subHeading: string, sectionTwo: string): string =>
  [
    "某某县发展和改革局2023年政府信息公开工作年度报告",
    "一、总体情况",
    subHeading,
    "全年主动公开政府信息249条。",
    "（二）依申请公开",
    "全年收到申请26件。",
    sectionTwo,
    "第二十条第（一）项",
    "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
    "规章\t0\t0\t0",
  ].join("\n");

describe("section headings", () => {
  it("reads （一）主动公开政府信息情况 inside 一、总体情况 as its first part", () => {
    const r = readReportText(report("（一）主动公开政府信息情况", "二、主动公开政府信息情况"));
    expect(r.data.narrative["s1.active"]).toBe("全年主动公开政府信息249条。");
    expect(r.data.cells["t2.rules.issued"]).toBe(0);
    expect(r.problems.map((p) => p.code)).not.toContain("section.duplicate");
  });

  it("still takes a section numbered in brackets with its own number", () => {
    const r = readReportText(report("（一）主动公开", "（二）主动公开政府信息情况"));
    expect(r.data.cells["t2.rules.issued"]).toBe(0);
    expect(r.data.narrative["s1.onRequest"]).toBe("全年收到申请26件。");
  });
});
