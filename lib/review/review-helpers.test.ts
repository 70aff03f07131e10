import { describe, expect, it } from "vitest";
import { getLayout, listCells } from "@/lib/template";
import { sampleReportData } from "@/lib/render/sample-report-data";
import { findCommentTarget, listCommentTargetOptions } from "./comment-target-options";
import { diffReportData } from "./diff-report-data";

describe("comment targets of a layout", () => {
  const layout2021 = getLayout("gov-2021");
  const layout2019 = getLayout("gov-2019");

  it("offers every cell, every table row and every section once", () => {
    const options = listCommentTargetOptions(layout2021);
    expect(options.filter((option) => option.kind === "cell")).toHaveLength(listCells(layout2021).length);
    expect(new Set(options.map((option) => option.target)).size).toBe(options.length);
    expect(findCommentTarget(layout2021, "row:t3.r3_3_1")?.label).toContain("属于国家秘密");
    expect(findCommentTarget(layout2021, "section:t3")?.label).toMatch(/^三、/);
    expect(findCommentTarget(layout2021, "cell:t4.review.upheld")?.kind).toBe("cell");
  });

  it.each([
    ["gov-2021", "cell:t2.procurement.amount"], // a gov-2019 row
    ["gov-2019", "section:s1.active"], // a gov-2021 part
    ["gov-2021", "row:t3.r3"], // a header group, not a row of cells
    ["gov-2021", "cell:t3.r1"],
    ["gov-2021", "section:<b>"],
  ])("%s refuses %s", (layoutId, target) => {
    expect(findCommentTarget(layoutId === "gov-2021" ? layout2021 : layout2019, target)).toBeNull();
  });
});

describe("diffReportData", () => {
  const layout = getLayout("gov-2021");
  const before = sampleReportData(layout);

  it("is empty for the same data, whatever the line endings and surrounding blanks", () => {
    const same = {
      ...before,
      narrative: { ...before.narrative, s5: `  ${before.narrative.s5!.replace(/\n/g, "\r\n")}  ` },
    };
    expect(diffReportData(layout, before, same)).toEqual([]);
  });

  it("lists changed figures and texts in reading order, a missing figure as null", () => {
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
});
