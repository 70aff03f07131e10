import { describe, expect, it } from "vitest";
import { getLayout } from "@/lib/template";
import { placeComments, type WizardComment } from "./comment-placement";

const layout = getLayout("gov-2021");
/** Comments by id, each on its target. */
const comments = (targets: Record<string, string>): WizardComment[] =>
  Object.entries(targets).map(([id, target]) => ({
    id,
    target,
    body: id,
    authorName: null,
    createdAt: "2024-01-01T00:00:00Z",
    isResolved: false,
  }));

describe("placeComments", () => {
  it("puts each comment on its cell, row or section and counts them per step", () => {
    const placed = placeComments(
      layout,
      comments({
        a: "cell:t3.r1.natural",
        b: "row:t3.r4",
        c: "section:s1.oversight",
        d: "section:t4",
        e: "cell:t2.rules.issued",
      }),
    );
    expect(placed.byCell.get("t3.r1.natural")?.map((c) => c.id)).toEqual(["a"]);
    expect(placed.byRow.get("t3.r4")?.map((c) => c.id)).toEqual(["b"]);
    expect(placed.bySection.get("s1.oversight")?.map((c) => c.id)).toEqual(["c"]);
    expect(placed.bySection.get("t4")?.map((c) => c.id)).toEqual(["d"]);
    expect(Object.fromEntries(placed.countByStep)).toEqual({ t3: 2, s1: 1, t4: 1, t2: 1 });
    expect(placed.unplaced).toEqual([]);
  });

  it("keeps comments whose target the layout does not have (or is malformed) instead of dropping them", () => {
    const targets = { x: "cell:t3.r9.natural", y: "row:t3.nowhere", z: "garbage", w: "section:s9" };
    const placed = placeComments(layout, comments(targets));
    expect(placed.unplaced.map((c) => c.id)).toEqual(["x", "y", "z", "w"]);
  });
});
