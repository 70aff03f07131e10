import { describe, expect, it } from "vitest";
import { guessOrganizationKind } from "./organization-kinds";

describe("guessOrganizationKind", () => {
  it.each([
    ["董封乡人民政府", "TOWNSHIP"],
    ["盐池县王乐井乡", "TOWNSHIP"],
    ["祥云镇", "TOWN"],
    ["朝阳镇人民政府", "TOWN"],
    ["朝阳街道办事处", "SUBDISTRICT"],
    ["城关街道办事处", "SUBDISTRICT"],
    ["新华街道", "SUBDISTRICT"],
    ["宽城满族自治县人民政府", "COUNTY"],
    ["某某区人民政府", "COUNTY"],
    ["宽城满族自治县人民政府办公室", "DEPARTMENT"],
    ["某某县自然资源局", "DEPARTMENT"],
    ["  朝阳 镇 ", "TOWN"],
  ] as const)("%s → %s", (name, kind) => {
    expect(guessOrganizationKind(name)).toBe(kind);
  });

  it("is null without a name", () => {
    expect(guessOrganizationKind("")).toBeNull();
    expect(guessOrganizationKind("人民政府")).toBeNull();
  });
});
