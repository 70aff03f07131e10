import { describe, expect, it } from "vitest";
import { getLayout } from "@/lib/template";
import { placeComments, type WizardComment } from "./comment-placement";

const layout = getLayout("gov-2021");
const comment = (id: string, target: string): WizardComment => ({
  id,
  target,
  body: id,
  authorName: null,
  createdAt: "2024-01-01T00:00:00Z",
  isResolved: false,
});

describe("placeComments", () => {
  it("puts each comment on its cell, row or section and counts them per step", () => {
    const placed = placeComments(layout, [
      comment("a", "cell:t3.r1.natural"),
      comment("b", "row:t3.r4"),
      comment("c", "section:s1.oversight"),
      comment("d", "section:t4"),
      comment("e", "cell:t2.rules.issued"),
    ]);
    expect(placed.byCell.get("t3.r1.natural")?.map((c) => c.id)).toEqual(["a"]);
    expect(placed.byRow.get("t3.r4")?.map((c) => c.id)).toEqual(["b"]);
    expect(placed.bySection.get("s1.oversight")?.map((c) => c.id)).toEqual(["c"]);
    expect(placed.bySection.get("t4")?.map((c) => c.id)).toEqual(["d"]);
    expect(Object.fromEntries(placed.countByStep)).toEqual({ t3: 2, s1: 1, t4: 1, t2: 1 });
    expect(placed.unplaced).toEqual([]);
  });

  it("keeps comments whose target the layout does not have (or is malformed) instead of dropping them", () => {
    const placed = placeComments(layout, [
      comment("x", "cell:t3.r9.natural"),
      comment("y", "row:t3.nowhere"),
      comment("z", "garbage"),
      comment("w", "section:s9"),
    ]);
    expect(placed.unplaced.map((c) => c.id)).toEqual(["x", "y", "z", "w"]);
  });
});
