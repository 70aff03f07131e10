import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { getLayout } from "@/lib/template";
import { sampleReportData } from "@/lib/report-data/sample-report-data";
import { toReportView } from "../to-report-view";
import { renderReportHtml } from "./render-report-html";

const layout = getLayout("gov-2021");
const options = {
  organizationName: "董封乡人民政府",
  year: 2023,
  publishedAt: "2024-01-26T02:00:00Z",
  documentDate: "2024-01-26",
};

/** Each line is one paragraph of hostile narrative. */
const HOSTILE = [
  '<script>alert("x")</script>正文',
  '<img src=x onerror="alert(1)"><a href="javascript:alert(2)">链接</a>',
  "</style><style>body{display:none}</style>",
  "&lt;已转义&gt; &amp; \"引号\" '单引号'",
  "A".repeat(3000),
  "生僻字𠀀𪚥𰻞与表情😀👩‍👩‍👧🇨🇳",
  "\u202E倒序覆盖\u202C与\u2066隔离\u2069",
  '{{constructor.constructor("alert(3)")()}}',
];

describe("renderReportHtml", () => {
  it("returns a complete standalone zh-CN document with inline styles", async () => {
    const html = await renderReportHtml(toReportView(layout, sampleReportData(layout), options));
    expect(html.startsWith('<!DOCTYPE html><html lang="zh-CN">')).toBe(true);
    expect(html.slice(0, 200)).toMatch(/<meta charSet="utf-8"\/>/i);
    const $ = load(html);
    expect($("title").text()).toBe("董封乡人民政府2023年政府信息公开工作年度报告");
    expect($("style").text()).toContain(".rd-table");
    expect($("style").text()).toContain("overflow-wrap: anywhere");
    expect($("style").text()).toContain("@page");
    expect($('meta[http-equiv="Content-Security-Policy"]').attr("content")).toContain("default-src 'none'");
    expect($("link, script").length).toBe(0);
    expect($("footer time").text()).toBe("2024年1月26日");
  });

  it("prints hostile narrative verbatim as text, never as markup", async () => {
    const view = toReportView(layout, sampleReportData(layout, { narrative: { s5: HOSTILE.join("\n") } }), options);
    const html = await renderReportHtml(view);
    const $ = load(html);
    expect($("script").length).toBe(0);
    expect($("img, a, iframe").length).toBe(0);
    expect($("style").length).toBe(1);
    const s5 = $("section").filter((_, el) => $(el).children("h2").text() === "五、存在的主要问题及改进情况");
    expect(
      s5
        .find("p.rd-paragraph")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(HOSTILE);
    // Rare characters and emoji survive as characters (UTF-8), not as entities or replacement marks.
    expect(html).toContain("𠀀𪚥𰻞");
    expect(html).toContain("👩‍👩‍👧");
    expect(html).not.toContain("\uFFFD");
  });
});
