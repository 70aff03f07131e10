import { describe, expect, it } from "vitest";
import { seed002Corrected } from "@/fixtures";
import { compileLayout, getLayout } from "@/lib/template";
import {
  cellFieldName,
  fieldIdOf,
  narrativeFieldName,
  normalizeReportData,
  toFormValues,
  toReportData,
} from "./form-values";

const gov2021 = getLayout("gov-2021");

describe("form values", () => {
  it("encodes ids without dots and decodes them back", () => {
    expect(cellFieldName("t3.r3_3_1.natural")).toBe("cells.t3__r3_3_1__natural");
    expect(narrativeFieldName("s1.active")).toBe("narrative.s1__active");
    expect(fieldIdOf("cells.t3__r3_3_1__natural")).toBe("t3.r3_3_1.natural");
    expect(fieldIdOf("narrative.s1__active")).toBe("s1.active");
    expect(fieldIdOf("narrative.s1")).toBe("s1");
  });

  it("round-trips seed 002 (totals recomputed, texts kept)", () => {
    const data = seed002Corrected;
    const values = toFormValues(gov2021, data);
    expect(Object.keys(values.cells)).not.toContain("t3__r3_7__total");
    expect(values.cells["t3__r1__natural"]).toBe(35);
    expect(values.narrative["s1__onRequest"]).toBe(data.narrative["s1.onRequest"]);
    const back = toReportData(gov2021, values, data.meta);
    expect(back.cells).toEqual(data.cells);
    for (const [id, text] of Object.entries(data.narrative))
      expect(back.narrative[id as keyof typeof back.narrative]).toBe(text);
  });

  it("normalizeReportData fills every cell and text", () => {
    const normalized = normalizeReportData(gov2021, {
      cells: {},
      narrative: {},
      meta: { organizationName: "董封乡人民政府", year: 2024 },
    });
    expect(Object.keys(normalized.cells)).toHaveLength(compileLayout(gov2021).cells.length);
    expect(Object.values(normalized.cells).every((v) => v === null)).toBe(true);
    expect(normalized.narrative["s5"]).toBe("");
  });
});
