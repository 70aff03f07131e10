import { describe, expect, it } from "vitest";
import { MAX_UNIT_LENGTH, splitLineUnits } from "./split-cjk-line-units";

const NO_START = Array.from("。，、；：？！）」』”’》");
const NO_END = Array.from("（「『“‘《");

/** The units joined by "|", which no text here contains, so that a long case reads on one line. */
const joinedUnits = (text: string) => splitLineUnits(text).join("|");

describe("splitLineUnits", () => {
  it("splits Chinese into single characters", () => {
    expect(splitLineUnits("政府信息")).toEqual(["政", "府", "信", "息"]);
  });

  it("glues closing punctuation to the character before it", () => {
    expect(splitLineUnits("公开。依申请，办理")).toEqual(["公", "开。", "依", "申", "请，", "办", "理"]);
    expect(splitLineUnits("理”。其")).toEqual(["理”。", "其"]);
  });

  it("glues opening punctuation to the character after it", () => {
    expect(splitLineUnits("按《条例》规定")).toEqual(["按", "《条", "例》", "规", "定"]);
    expect(splitLineUnits("“五公开”要求")).toEqual(["“五", "公", "开”", "要", "求"]);
    expect(splitLineUnits("（三）不予公开")).toEqual(["（三）", "不", "予", "公", "开"]);
  });

  it("keeps Latin words and numbers whole, with their trailing punctuation", () => {
    expect(joinedUnits("发布信息3470条,访问量140万")).toBe("发|布|信|息|3470|条,|访|问|量|140|万");
    expect(splitLineUnits("增长3.5%，GB/T 9704")).toEqual(["增", "长", "3.5%，", "GB/T", " ", "9704"]);
    expect(splitLineUnits("20231月1日")).toEqual(["20231", "月", "1", "日"]);
    expect(splitLineUnits("情况(试行),其")).toEqual(["情", "况", "(试", "行),", "其"]);
  });

  it("breaks a long web address where readers expect it, and other long runs anywhere", () => {
    expect(joinedUnits("https://www.gov.cn/zhengce/xxgk?id=12&page=3")).toBe(
      "https://|www|.gov|.cn|/zhengce|/xxgk|?id|=|12|&|page|=|3",
    );
    expect(joinedUnits("门户网站(www.yczf.gov.cn)下载")).toBe("门|户|网|站|(www|.yczf|.gov|.cn)|下|载");
    expect(splitLineUnits("A".repeat(40))).toHaveLength(40);
    expect(splitLineUnits("abcdefghijklmnop")).toEqual(["abcdefghijklmnop"]);
    expect(MAX_UNIT_LENGTH).toBe(16);
  });

  it("keeps grapheme clusters whole (emoji sequences, flags, rare characters)", () => {
    expect(splitLineUnits("表情👩‍👩‍👧与🇨🇳和𠀀")).toEqual(["表", "情", "👩‍👩‍👧", "与", "🇨🇳", "和", "𠀀"]);
  });

  it("never lets a unit start with closing or end with opening punctuation (unless it is all punctuation)", () => {
    const text =
      "根据《中华人民共和国政府信息公开条例》（以下简称《条例》），现将“三安全一稳定”等情况报告如下：一是……；二是——（略）。";
    const units = splitLineUnits(text);
    expect(units.join("")).toBe(text);
    units.forEach((unit, i) => {
      if (i > 0) expect(NO_START, unit).not.toContain(Array.from(unit)[0]);
      if (i < units.length - 1) expect(NO_END, unit).not.toContain(Array.from(unit).at(-1));
    });
  });
});

describe("no-break spaces", () => {
  it("hang at the end of the unit before them", () => {
    expect(splitLineUnits("从\u00A02023\u00A0年")).toEqual(["从\u00A0", "2023\u00A0", "年"]);
  });
});
