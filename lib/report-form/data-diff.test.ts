import { describe, expect, it } from "vitest";
import { seed002Corrected } from "@/fixtures";
import { getLayout } from "@/lib/template";
import { diffReportData } from "./data-diff";

const layout = getLayout("gov-2021");

describe("diffReportData", () => {
  it("finds nothing between equal reports", () => {
    expect(diffReportData(layout, seed002Corrected, structuredClone(seed002Corrected))).toEqual([]);
  });

  it("lists differing texts and input cells by their labels, leaving totals out", () => {
    const theirs = structuredClone(seed002Corrected);
    (theirs.cells as Record<string, number | null>)["t3.r1.natural"] = 36;
    (theirs.cells as Record<string, number | null>)["t3.r1.total"] = 36;
    (theirs.cells as Record<string, number | null>)["t4.review.upheld"] = null;
    (theirs.narrative as Record<string, string>).s5 = "改过的";
    expect(diffReportData(layout, seed002Corrected, theirs)).toEqual([
      {
        fieldId: "s5",
        label: "五、存在的主要问题及改进情况",
        kind: "text",
        mine: seed002Corrected.narrative.s5,
        theirs: "改过的",
      },
      {
        fieldId: "t3.r1.natural",
        label: "一、本年新收政府信息公开申请数量·自然人",
        kind: "cell",
        mine: "35",
        theirs: "36",
      },
      { fieldId: "t4.review.upheld", label: "行政复议·结果维持", kind: "cell", mine: "2", theirs: "" },
    ]);
  });
});
