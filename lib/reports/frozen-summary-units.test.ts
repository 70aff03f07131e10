import { describe, expect, it } from "vitest";
import { parseFrozenSummaryUnits } from "./frozen-summary-units";

const included = [{ unitId: "u1", unitName: "东镇人民政府", reportId: "r1", status: "PUBLISHED" }];
const excluded = [{ unitId: "u2", unitName: "西乡人民政府", reportId: null, reason: "未开始" }];

describe("parseFrozenSummaryUnits", () => {
  it("reads both lists as publishing stored them", () => {
    expect(parseFrozenSummaryUnits({ includedUnits: included, excludedUnits: excluded })).toEqual({
      ok: true,
      included,
      excluded,
    });
  });

  it("names the list that does not parse instead of printing a guess", () => {
    const broken = parseFrozenSummaryUnits({ includedUnits: [{ unitName: 3 }], excludedUnits: excluded });
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error).toMatch(/^includedUnits: /);
    const notAList = parseFrozenSummaryUnits({ includedUnits: included, excludedUnits: { reason: "x" } });
    expect(!notAList.ok && notAList.error).toMatch(/^excludedUnits: /);
  });
});
