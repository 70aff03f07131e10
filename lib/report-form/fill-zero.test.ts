import { describe, expect, it } from "vitest";
import { compileLayout, getLayout } from "@/lib/template";
import { gridsOfScope, planFillZero } from "./fill-zero";

const layout = getLayout("gov-2021");
const compiled = compileLayout(layout);

describe("planFillZero", () => {
  it("fills every empty input cell of a table with 0 and leaves totals to be computed", () => {
    const changes = planFillZero(
      layout,
      gridsOfScope(layout, "t3"),
      () => null,
      () => false,
    );
    const inputs = compiled.grid("t3").cells.filter((cell) => !cell.total);
    expect(changes).toHaveLength(inputs.length);
    expect(changes.every((change) => change.before === null && change.after === 0)).toBe(true);
    expect(changes.some((change) => change.cellId === "t3.r1.total" || change.cellId.startsWith("t3.r3_7."))).toBe(
      false,
    );
  });

  it("keeps typed figures and refused text", () => {
    const values: Record<string, number> = { "t3.r1.natural": 35, "t3.r1.business": 0 };
    const changes = planFillZero(
      layout,
      ["t3"],
      (id) => values[id] ?? null,
      (id) => id === "t3.r1.research",
    );
    const ids = new Set(changes.map((change) => change.cellId));
    expect(ids.has("t3.r1.natural")).toBe(false);
    expect(ids.has("t3.r1.business")).toBe(false);
    expect(ids.has("t3.r1.research")).toBe(false);
    expect(ids.has("t3.r1.nonprofit")).toBe(true);
  });

  it("names a table's grids, or one grid", () => {
    const t2 = gridsOfScope(layout, "t2");
    expect(t2.length).toBeGreaterThan(1);
    expect(gridsOfScope(layout, t2[0]!)).toEqual([t2[0]]);
    expect(gridsOfScope(layout, "nope")).toEqual([]);
  });
});
