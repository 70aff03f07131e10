import { describe, expect, it } from "vitest";
import { compileLayout, getLayout } from "@/lib/template";
import { findCommentTarget, listCommentTargetOptions } from "./comment-target-options";

describe("comment targets of a layout", () => {
  const layout2021 = getLayout("gov-2021");
  const layout2019 = getLayout("gov-2019");

  it("offers every cell, every table row and every section once", () => {
    const options = listCommentTargetOptions(layout2021);
    expect(options.filter((option) => option.kind === "cell")).toHaveLength(compileLayout(layout2021).cells.length);
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
