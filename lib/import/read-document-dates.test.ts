import { describe, expect, it } from "vitest";
import { readPageDates, takeSignature } from "./read-document-dates";
import type { SourceLine } from "./types";

function lines(...texts: string[]): SourceLine[] {
  return texts.map((text) => ({ cells: [text] }));
}

describe("readPageDates", () => {
  it("reads the page's 成文日期 and 发布日期", () => {
    expect(readPageDates(lines("成文日期：2024-01-26 文件编号：", "发布日期: 2024年2月1日"))).toEqual({
      documentDate: "2024-01-26",
      publicationDate: "2024-02-01",
    });
  });

  it("takes the stamp above the article as the 发布日期 when no label says so", () => {
    expect(readPageDates(lines("2024-01-26 10时25分浏览次数:")).publicationDate).toBe("2024-01-26");
  });

  it("leaves dates that do not exist unknown", () => {
    expect(readPageDates(lines("成文日期：2024-02-30", "发布日期：20231月1日"))).toEqual({
      documentDate: null,
      publicationDate: null,
    });
  });
});

describe("takeSignature", () => {
  it("takes the name and the date ending the text", () => {
    expect(takeSignature("正文最后一句。\n朝阳镇人民政府办公室\n2024年1月17日\n")).toEqual({
      text: "正文最后一句。",
      date: "2024-01-17",
    });
  });

  it("takes a date alone when no body's name stands above it", () => {
    expect(takeSignature("正文最后一句。\n2024年1月17日")).toEqual({ text: "正文最后一句。", date: "2024-01-17" });
  });

  it("leaves a text that does not end with a real date as it is", () => {
    const text = "正文最后一句。\n2024年2月30日";
    expect(takeSignature(text)).toEqual({ text, date: null });
    expect(takeSignature("全年共受理申请 3 件。")).toEqual({ text: "全年共受理申请 3 件。", date: null });
  });
});
