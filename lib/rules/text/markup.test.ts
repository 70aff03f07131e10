import { describe, expect, it } from "vitest";
import { impossibleDatesIn, markupIn, printableText } from "./markup";

describe("markupIn", () => {
  it("finds Markdown emphasis pairs (seed 000's 一是**加强组织领导**)", () => {
    const found = markupIn("一是**加强组织领导**。二是__定期开展自查__。");
    expect(found.get("emphasis")?.map((each) => each.raw)).toEqual(["**加强组织领导**", "__定期开展自查__"]);
  });

  it("finds character references", () => {
    const found = markupIn("主动公开信息&nbsp;3470条，其中&#12288;规章&amp;规范性文件&#x4E00;件");
    expect(found.get("entity")?.map((each) => each.raw)).toEqual(["&nbsp;", "&#12288;", "&amp;", "&#x4E00;"]);
  });

  it.each([
    "本年度共收到政府信息公开申请35件，办结率100%。",
    "《中华人民共和国政府信息公开条例》规定，2*3=6，a<b 与 c > d。",
    "<script>alert(1)</script> 原样显示，由页面转义",
    "单独的 ** 不成对，也不算强调",
    "合作伙伴 A&B 公司",
    '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">',
    "文件名 report__2023__final.docx",
  ])("leaves plain text alone: %s", (text) => {
    expect(markupIn(text).size).toBe(0);
  });
});

describe("impossibleDatesIn", () => {
  it("reports a month run into the year with the wording meant (seed 002)", () => {
    expect(impossibleDatesIn("自20231月1日起至202312月31日止", 2023)).toEqual([
      { raw: "20231月1日", index: 1, suggestion: "2023年1月1日" },
      { raw: "202312月31日", index: 11, suggestion: "2023年12月31日" },
    ]);
  });

  it("reports days that do not exist, in the year written or the report's", () => {
    expect(impossibleDatesIn("2023年2月29日召开会议，6月31日完成，2024年2月29日复查", 2023).map((d) => d.raw)).toEqual([
      "2023年2月29日",
      "6月31日",
    ]);
    expect(impossibleDatesIn("于13月1日", 2023).map((d) => d.raw)).toEqual(["13月1日"]);
  });

  it("checks a year-less day against the year written before it", () => {
    expect(impossibleDatesIn("2024年1月1日至2月29日", 2023)).toEqual([]);
    expect(impossibleDatesIn("2023年1月1日至2月29日", 2024).map((d) => d.raw)).toEqual(["2月29日"]);
  });

  it("accepts real days, with blanks between the parts", () => {
    expect(impossibleDatesIn("本报告统计数据从 2023 年 1 月 1 日至 12 月 31 日。", 2023)).toEqual([]);
  });
});

describe("printableText", () => {
  it("drops emphasis markers, decodes references and writes the day meant, listing each change", () => {
    const printed = printableText("一是**加强组织领导**，主动公开&nbsp;3470条，自20231月1日起至202312月31日止。", 2023);
    expect(printed.text).toBe("一是加强组织领导，主动公开\u00a03470条，自2023年1月1日起至2023年12月31日止。");
    expect(printed.corrections).toEqual([
      { raw: "**加强组织领导**", replacement: "加强组织领导" },
      { raw: "&nbsp;", replacement: "\u00a0" },
      { raw: "20231月1日", replacement: "2023年1月1日" },
      { raw: "202312月31日", replacement: "2023年12月31日" },
    ]);
    expect(printed.unresolved).toEqual([]);
  });

  it("decodes a reference inside an emphasis pair, and leaves a day it cannot guess to the author", () => {
    const printed = printableText("**规章&amp;规范性文件**于2023年2月30日起施行", 2023);
    expect(printed.text).toBe("规章&规范性文件于2023年2月30日起施行");
    expect(printed.unresolved.map((date) => date.raw)).toEqual(["2023年2月30日"]);
  });

  it("leaves text with nothing to correct as it is", () => {
    const text = "合作伙伴 A&B 公司，report__2023__final.docx，2023年1月1日至12月31日。";
    expect(printableText(text, 2023)).toEqual({ text, corrections: [], unresolved: [] });
  });
});
