import { describe, expect, it } from "vitest";
import { guessOrganizationKind, parseOrganizationKind, type OrganizationKind } from "./organization-kinds";

/** The cases of a table of texts by the kind each must read as: [text, kind]. */
const byKind = (texts: Record<OrganizationKind, readonly string[]>) =>
  Object.entries(texts).flatMap(([kind, list]) => list.map((text) => [text, kind] as const));

describe("guessOrganizationKind", () => {
  it.each(
    byKind({
      TOWNSHIP: ["董封乡人民政府", "盐池县王乐井乡"],
      TOWN: ["祥云镇", "朝阳镇人民政府", "  朝阳 镇 "],
      SUBDISTRICT: ["朝阳街道办事处", "城关街道办事处", "新华街道"],
      COUNTY: ["宽城满族自治县人民政府", "某某区人民政府"],
      DEPARTMENT: ["宽城满族自治县人民政府办公室", "某某县自然资源局"],
    }),
  )("%s → %s", (name, kind) => {
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
  it.each(
    byKind({
      TOWNSHIP: ["乡"],
      TOWN: ["镇", "TOWN", " 镇 "],
      SUBDISTRICT: ["街道"],
      COUNTY: ["县", "区", "县（区）"],
      DEPARTMENT: ["部门", "县直部门"],
    }),
  )("%s → %s", (text, kind) => {
    expect(parseOrganizationKind(text)).toBe(kind);
  });

  it("is null for anything else", () => {
    expect(parseOrganizationKind("村")).toBeNull();
    expect(parseOrganizationKind("")).toBeNull();
  });
});
