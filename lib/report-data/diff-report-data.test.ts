import { describe, expect, it } from "vitest";
import { seed002Corrected } from "@/fixtures";
import { getLayout } from "../template";
import { diffReportData } from "./diff-report-data";
import { sampleReportData } from "./sample-report-data";

const layout = getLayout("gov-2021");

describe("diffReportData", () => {
  const before = sampleReportData(layout);

  it("finds nothing between equal reports", () => {
    expect(diffReportData(layout, seed002Corrected, structuredClone(seed002Corrected))).toEqual([]);
  });

  it("is empty for the same data, whatever the line endings and surrounding blanks", () => {
    const same = {
      ...before,
      narrative: { ...before.narrative, s5: `  ${before.narrative.s5!.replace(/\n/g, "\r\n")}  ` },
    };
    expect(diffReportData(layout, before, same)).toEqual([]);
  });

  it("lists changed texts, then figures in reading order, a missing figure as null", () => {
    const after = {
      ...before,
      cells: { ...before.cells, "t3.r1.natural": 999, "t2.rules.issued": null, "t4.review.total": undefined },
      narrative: { ...before.narrative, s6: "新的内容" },
    };
    const changes = diffReportData(layout, before, after);
    expect(changes.map((change) => [change.kind, change.id, change.after])).toEqual([
      ["narrative", "s6", "新的内容"],
      ["cell", "t2.rules.issued", null],
      ["cell", "t3.r1.natural", 999],
      ["cell", "t4.review.total", null],
    ]);
    expect(changes[2]).toMatchObject({
      before: before.cells["t3.r1.natural"],
      label: expect.stringContaining("自然人"),
    });
  });

  it("labels every change from the layout and marks the totals", () => {
    const theirs = structuredClone(seed002Corrected);
    (theirs.cells as Record<string, number | null>)["t3.r1.natural"] = 36;
    (theirs.cells as Record<string, number | null>)["t3.r1.total"] = 36;
    (theirs.cells as Record<string, number | null>)["t4.review.upheld"] = null;
    (theirs.narrative as Record<string, string>).s5 = "改过的";
    expect(diffReportData(layout, seed002Corrected, theirs)).toEqual([
      {
        kind: "narrative",
        id: "s5",
        label: "五、存在的主要问题及改进情况",
        before: seed002Corrected.narrative.s5,
        after: "改过的",
      },
      {
        kind: "cell",
        id: "t3.r1.natural",
        label: "一、本年新收政府信息公开申请数量·自然人",
        isComputed: false,
        before: 35,
        after: 36,
      },
      {
        kind: "cell",
        id: "t3.r1.total",
        label: "一、本年新收政府信息公开申请数量·总计",
        isComputed: true,
        before: 35,
        after: 36,
      },
      { kind: "cell", id: "t4.review.upheld", label: "行政复议·结果维持", isComputed: false, before: 2, after: null },
    ]);
  });
});
