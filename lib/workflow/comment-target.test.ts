import { describe, expect, it } from "vitest";
import { formatCommentTarget, parseCommentTarget, type CommentTarget } from "./comment-target";

describe("comment targets", () => {
  const targets: CommentTarget[] = [
    { kind: "cell", cellId: "t3.r1.natural" },
    { kind: "cell", cellId: "t4.review.upheld" },
    { kind: "row", tableId: "t3", rowId: "r3_1" },
    { kind: "section", sectionId: "s1.onRequest" },
    { kind: "section", sectionId: "t3" },
  ];
  it.each(targets)("round-trips %o", (target) => {
    expect(parseCommentTarget(formatCommentTarget(target))).toEqual(target);
  });
  it.each([
    "",
    "cell:",
    "cell:t3",
    "row:t3",
    "page:s1",
    "cell:t3.r1.<script>",
    "section:s1 ",
    "cell:../../etc",
    `section:${"a".repeat(90)}`,
  ])("refuses %j", (value) => {
    expect(parseCommentTarget(value)).toBeNull();
  });
});
