import { describe, expect, it } from "vitest";
import { guessOrganizationKind, parseOrganizationKind } from "./organization-kinds";

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

  it.each([
    "平潭综合实验区北厝片区管理局",
    "某某经济技术开发区管理委员会",
    "某某高新区管委会",
    "某某开发区社会事务局",
    "某某市人民政府",
    "某某市",
  ])("%s: unknown from the name, never a wrong guess", (name) => {
    expect(guessOrganizationKind(name)).toBeNull();
  });

  it("is null without a name", () => {
    expect(guessOrganizationKind("")).toBeNull();
    expect(guessOrganizationKind("人民政府")).toBeNull();
  });
});

describe("parseOrganizationKind", () => {
  it.each([
    ["乡", "TOWNSHIP"],
    ["镇", "TOWN"],
    ["街道", "SUBDISTRICT"],
    ["县", "COUNTY"],
    ["区", "COUNTY"],
    ["县（区）", "COUNTY"],
    ["部门", "DEPARTMENT"],
    ["县直部门", "DEPARTMENT"],
    ["TOWN", "TOWN"],
    [" 镇 ", "TOWN"],
  ] as const)("%s → %s", (text, kind) => {
    expect(parseOrganizationKind(text)).toBe(kind);
  });

  it("is null for anything else", () => {
    expect(parseOrganizationKind("村")).toBeNull();
    expect(parseOrganizationKind("")).toBeNull();
  });
});
