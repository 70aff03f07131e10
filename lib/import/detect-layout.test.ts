import { describe, expect, it } from "vitest";
import { detectLayout } from "./detect-layout";
import { labelKey } from "./label-key";

const keys = (...labels: string[]): string[] => labels.map(labelKey);

describe("detectLayout", () => {
  it("gov-2019 from its own columns and rows, whatever the year says", () => {
    const d = detectLayout(keys("本年新制作数量", "其他对外管理服务事项", "规章"), 2023);
    expect(d.layout.id).toBe("gov-2019");
    expect(d.basis).toBe("content");
    expect(d.forYear?.id).toBe("gov-2021");
  });

  it("gov-2021 from 本年制发件数 / 本年废止件数", () => {
    expect(detectLayout(keys("本年制发件数", "本年废止件数"), 2020).layout.id).toBe("gov-2021");
  });

  it("falls back to the year, then to gov-2021", () => {
    expect(detectLayout(keys("规章", "其他", "总计"), 2020)).toMatchObject({
      basis: "year",
      layout: { id: "gov-2019" },
    });
    expect(detectLayout([], undefined)).toMatchObject({ basis: "default", layout: { id: "gov-2021" } });
  });
});
