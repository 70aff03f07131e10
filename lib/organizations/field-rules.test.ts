import { describe, expect, it } from "vitest";
import { creditCodeCheckCharacter, creditCodeProblem, normalizeCreditCode } from "./credit-code";
import { divisionCodeProblem } from "./division-code";
import { parseUnitKind, placementProblem } from "./unit-kinds";
import { readUnitName } from "./unit-name";

describe("统一社会信用代码 (GB 32100-2015)", () => {
  // Codes published by their holders (company registers, the standard's own example).
  const published = [
    "914403001922038216",
    "91440300708461136T",
    "91350100M000100Y43",
    "911100001000079554",
    "91110000600037341L",
    "91110108551385082Q",
    "911100007109288314",
    "91330100716105852F",
    "11100000MB0143028R",
  ];

  it.each(published)("accepts %s", (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it("says which check character the first 17 call for", () => {
    expect(creditCodeCheckCharacter("91440300708461136")).toBe("T");
    expect(creditCodeProblem("91440300708461136X")).toBe(
      "统一社会信用代码的校验码（第 18 位）不符，按前 17 位应为“T”，请核对",
    );
  });

  it("catches every single-character change of the published codes", () => {
    const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (const code of published) {
      for (let index = 0; index < 18; index += 1) {
        for (const character of alphabet) {
          if (character === code[index]) continue;
          const changed = code.slice(0, index) + character + code.slice(index + 1);
          expect(creditCodeProblem(changed), changed).not.toBeNull();
        }
      }
    }
  });

  it.each([
    { code: "9144030070846113", message: "统一社会信用代码应为 18 位，现为 16 位" },
    {
      code: "91440300708461136I",
      message: "统一社会信用代码第 18 位“I”不是有效字符（只用数字和除 I、O、Z、S、V 以外的大写字母）",
    },
    {
      code: "O1440300708461136T",
      message: "统一社会信用代码第 1 位“O”不是有效字符（只用数字和除 I、O、Z、S、V 以外的大写字母）",
    },
  ])("refuses $code: $message", ({ code, message }) => {
    expect(creditCodeProblem(code)).toBe(message);
  });

  it("normalizes full-width characters, lower case and spaces as typed", () => {
    expect(normalizeCreditCode(" ９１４４０３００７０８４６１１３６ｔ ")).toBe("91440300708461136T");
  });
});

describe("行政区划代码", () => {
  it.each([
    ["140522", "COUNTY", null, null],
    ["14052", "COUNTY", null, "县（区）的行政区划代码应为 6 位数字，现为 5 位"],
    ["140500", "COUNTY", null, "以 00 结尾的是地级市的代码，县（区）的代码后两位不是 00"],
    ["140522100000", "TOWN", "140522", null],
    ["140522001000", "SUBDISTRICT", "140522", null],
    ["140522100000", "TOWN", "640323", "行政区划代码应以上级单位的代码 140522 开头".replace("140522", "640323")],
    ["140522000000", "TOWNSHIP", "140522", "第 7—9 位是乡级代码，不能为 000"],
    ["140522100201", "TOWN", "140522", "乡级单位的行政区划代码后三位应为 000（村级代码不能作为单位代码）"],
    ["1405221000", "TOWN", "140522", "乡、镇、街道的行政区划代码应为 12 位数字，现为 10 位"],
    ["14052210000A", "TOWN", "140522", "行政区划代码只能由数字组成"],
    ["140522", "DEPARTMENT", "140522", "县直部门没有行政区划代码，请留空"],
    ["", "DEPARTMENT", "140522", null],
  ] as const)("%s for a %s under %s: %s", (code, kind, parent, problem) => {
    expect(divisionCodeProblem(code, kind, parent)).toBe(problem);
  });
});

describe("kinds and where they sit", () => {
  it.each([
    ["县", "COUNTY"],
    ["县级市", "COUNTY"],
    ["区", "COUNTY"],
    ["乡", "TOWNSHIP"],
    ["镇", "TOWN"],
    ["街道", "SUBDISTRICT"],
    ["街道办事处", "SUBDISTRICT"],
    ["县直部门", "DEPARTMENT"],
    ["县政府", "COUNTY"],
    [" 镇 ", "TOWN"],
    ["村", null],
    ["", null],
  ] as const)("%s is %s", (text, kind) => {
    expect(parseUnitKind(text)).toBe(kind);
  });

  it("puts counties at the top, townships under a county, departments under a county or a township", () => {
    expect(placementProblem("COUNTY", null)).toBeNull();
    expect(placementProblem("COUNTY", "COUNTY")).toBe("县（区）不能设在其他单位之下");
    expect(placementProblem("TOWN", "COUNTY")).toBeNull();
    expect(placementProblem("TOWN", "TOWNSHIP")).toBe("乡、镇、街道的上级单位应是县（区）");
    expect(placementProblem("DEPARTMENT", "TOWN")).toBeNull();
    expect(placementProblem("DEPARTMENT", "DEPARTMENT")).toBe("县直部门的上级单位应是县（区）或乡、镇、街道");
    expect(placementProblem("TOWNSHIP", null)).toBe("请选择上级单位");
  });
});

describe("unit names", () => {
  it("are trimmed and normalized", () => {
    expect(readUnitName("\u3000董封乡人民政府 ")).toEqual({ ok: true, name: "董封乡人民政府" });
  });
  it.each([
    ["", "请填写单位名称"],
    ["   ", "请填写单位名称"],
    ["董封乡\n人民政府", "单位名称含有控制字符（如换行、制表符），请删除后重新输入"],
    ["董封乡\u202e府政民人", "单位名称含有控制字符（如换行、制表符），请删除后重新输入"],
    ["董封乡\u0000", "单位名称含有控制字符（如换行、制表符），请删除后重新输入"],
    ["乡".repeat(10_000), "单位名称不能超过 60 个字，现为 10000 个字"],
    ['=HYPERLINK("http://x")', "单位名称不能以 =、+、-、@ 开头"],
  ])("refuses %j", (raw, problem) => {
    expect(readUnitName(raw)).toEqual({ ok: false, problem });
  });
  it("counts characters, not UTF-16 units (60 rare characters pass)", () => {
    expect(readUnitName("𠀀".repeat(60)).ok).toBe(true);
  });
});
