import { describe, expect, it } from "vitest";
import { guessOrganizationKind } from "./guess-organization-kind";

describe("guessOrganizationKind", () => {
  it.each([
    ["董封乡人民政府", "township"],
    ["盐池县王乐井乡", "township"],
    ["祥云镇", "town"],
    ["朝阳镇人民政府", "town"],
    ["朝阳街道办事处", "subdistrict"],
    ["新华街道", "subdistrict"],
    ["宽城满族自治县人民政府", "county"],
    ["某某区人民政府", "county"],
    ["宽城满族自治县人民政府办公室", "department"],
    ["某某县自然资源局", "department"],
  ] as const)("%s → %s", (name, kind) => {
    expect(guessOrganizationKind(name)).toBe(kind);
  });

  it("is null without a name", () => {
    expect(guessOrganizationKind("")).toBeNull();
  });
});
