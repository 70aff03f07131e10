import { describe, expect, it } from "vitest";
import { isSameOrganizationName, matchOrganizationByName, organizationNameCore } from "./match-organization-name";

describe("organizationNameCore", () => {
  it.each([
    ["盐池县王乐井乡人民政府", ["盐池县"], "王乐井乡"],
    ["盐池县王乐井乡", ["盐池县"], "王乐井乡"],
    ["祥云镇人民政府", ["温县"], "祥云镇"],
    [" 朝阳镇 ", ["辉南县"], "朝阳镇"],
    ["东城街道办事处", ["某区"], "东城街道"],
    // The county's own offices keep the county: 人民政府办公室 alone names nothing.
    ["宽城满族自治县人民政府办公室", ["宽城满族自治县"], "宽城满族自治县人民政府办公室"],
    ["人民政府", [], "人民政府"],
  ])("%s → %s", (name, counties, core) => {
    expect(organizationNameCore(name, counties)).toBe(core);
  });
});

describe("matching a printed name to organizations", () => {
  const county = ["阳城县"];
  const organizations = [
    { name: "董封乡人民政府", countyNames: county },
    { name: "凤城镇人民政府", countyNames: county },
    { name: "朝阳镇人民政府", countyNames: county },
    { name: "朝阳乡人民政府", countyNames: county },
    { name: "阳城县人民政府办公室", countyNames: county },
  ];

  it("matches the forms a title prints for one body", () => {
    for (const printed of ["董封乡人民政府", "董封乡", "阳城县董封乡人民政府", "阳城县董封乡"]) {
      expect(matchOrganizationByName(printed, organizations).organization?.name, printed).toBe("董封乡人民政府");
    }
    expect(matchOrganizationByName("阳城县人民政府办公室", organizations).organization?.name).toBe(
      "阳城县人民政府办公室",
    );
  });

  it("keeps 乡 and 镇 of the same name apart, and says why nothing matched", () => {
    expect(matchOrganizationByName("朝阳乡", organizations).organization?.name).toBe("朝阳乡人民政府");
    expect(matchOrganizationByName("朝阳", organizations)).toEqual({ organization: null, reason: "none" });
    expect(matchOrganizationByName("北留镇人民政府", organizations)).toEqual({ organization: null, reason: "none" });
    expect(matchOrganizationByName("", organizations)).toEqual({ organization: null, reason: "noName" });
    expect(
      matchOrganizationByName("董封乡", [...organizations, { name: "阳城县董封乡人民政府", countyNames: county }]),
    ).toEqual({ organization: null, reason: "ambiguous" });
  });

  it("a blank printed name is never the same body", () => {
    expect(isSameOrganizationName("  ", { name: "董封乡人民政府" })).toBe(false);
  });
});
