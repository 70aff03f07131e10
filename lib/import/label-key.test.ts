import { describe, expect, it } from "vitest";
import { bigramRecall, editDistance, labelKey, matchLabel, numberValue } from "./label-key";

describe("labelKey", () => {
  it.each([
    ["（一）予以公开", "予以公开"],
    ["(一) 予以公开", "予以公开"],
    ["三、本年度办理结果", "本年度办理结果"],
    ["1. 属于国家秘密", "属于国家秘密"],
    ["1、属于国家秘密", "属于国家秘密"],
    ["3.危及“三安全一稳定”", "危及三安全一稳定"],
    ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开区分处理的只计这一情形不计其他情形"],
    ["(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)", "部分公开区分处理的只计这一情形不计其他情形"],
    ["结果 维持", "结果维持"],
    ["本年增/减", "本年增减"],
    ["第二十条第（一）项", "第二十条第一项"],
    ["采购总金额（单位：万元，保留4位小数）", "采购总金额单位万元保留4位小数"],
  ])("%s → %s", (printed, key) => {
    expect(labelKey(printed)).toBe(key);
  });
});

describe("matchLabel", () => {
  it("is exact on equal keys, close on a typo or a label without its note, none otherwise", () => {
    expect(matchLabel("本年废止件数", "本年废止件数")).toBe("exact");
    expect(matchLabel("本年度止件数", "本年废止件数")).toBe("close");
    expect(matchLabel("部分公开", "部分公开区分处理的只计这一情形不计其他情形")).toBe("close");
    expect(matchLabel("其他", "总计")).toBe("none");
    expect(matchLabel("其它", "其他")).toBe("none");
    expect(matchLabel("行政许可", "行政处罚")).toBe("none");
  });
});

describe("helpers", () => {
  it("editDistance gives up past its limit", () => {
    expect(editDistance("abc", "abd", 2)).toBe(1);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });

  it("numberValue reads Chinese and Arabic numerals", () => {
    expect([numberValue("三"), numberValue("十"), numberValue("3"), numberValue("３"), numberValue("甲")]).toEqual([
      3,
      10,
      3,
      3,
      undefined,
    ]);
  });

  it("bigramRecall measures how much of a label a heading carries", () => {
    expect(bigramRecall("主动公开方面", "主动公开")).toBe(1);
    expect(bigramRecall("督查保障落实情况", "监督保障")).toBeCloseTo(1 / 3);
  });
});
