/**
 * HTML pages as government CMS publish the report: real <table> markup
 * with the template's rowspan/colspan inside a page of furniture, and the
 * flattened “one value per <p>” style. A known report written in each
 * style must read back equal, for both layouts and for any figures.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryReport } from "../../fixtures/import/arbitrary-report";
import { sampleReport } from "../../fixtures/import/sample-report";
import { writeNestedDivsHtml } from "../../fixtures/import/write-hostile-uploads";
import { writeReportHtmlParagraphs } from "../../fixtures/import/write-report-html-paragraphs";
import { writeReportHtmlTable } from "../../fixtures/import/write-report-html-table";
import { writeReportText } from "../../fixtures/import/write-report-text";
import { guessOrganizationKind } from "../report-data";
import { getLayout } from "../template";
import type { LayoutId } from "../template/types";
import { checkHtmlStructure } from "./check-html-structure";
import { htmlToLines } from "./html-to-lines";
import { readReportHtml } from "./read-report-html";
import { readReportText } from "./read-report-text";

const layoutIds: LayoutId[] = ["gov-2021", "gov-2019"];

describe.each(layoutIds)("%s round trip", (layoutId) => {
  const layout = getLayout(layoutId);
  const data = sampleReport(layoutId);

  it("through a CMS page with <table> rowspan/colspan: equal, no problems", () => {
    const html = writeReportHtmlTable(layout, data);
    expect(html).toMatch(/rowspan="\d+"/);
    expect(html).toMatch(/colspan="\d+"/);
    const r = readReportHtml(html);
    expect(r.status).toBe("read");
    expect(r.source).toBe("html");
    expect(r.layoutId).toBe(layoutId);
    expect(r.problems).toEqual([]);
    expect(r.data).toEqual(data);
  });

  it("through a page with one value per <p>/<div>: equal, no problems", () => {
    const r = readReportHtml(writeReportHtmlParagraphs(layout, data));
    expect(r.problems).toEqual([]);
    expect(r.data).toEqual(data);
  });

  it("through tab-separated text: equal, no problems", () => {
    const r = readReportText(writeReportText(layout, data));
    expect(r.problems).toEqual([]);
    expect(r.data).toEqual(data);
  });

  it("for any figures, in all three styles", () => {
    fc.assert(
      fc.property(arbitraryReport(layoutId), (report) => {
        for (const r of [
          readReportHtml(writeReportHtmlTable(layout, report)),
          readReportHtml(writeReportHtmlParagraphs(layout, report)),
          readReportText(writeReportText(layout, report)),
        ]) {
          expect(r.layoutId).toBe(layoutId);
          expect(r.data).toEqual(report);
          expect(r.organizationKind).toBe(guessOrganizationKind(report.meta.organizationName));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("htmlToLines", () => {
  it("turns table rows into cells and paragraphs into lines, skipping scripts and styles", () => {
    const lines = htmlToLines(
      "<style>p{}</style><script>x()</script><p>甲<b>乙</b></p><div>丙<br>丁</div>" +
        '<table><tr><th rowspan="2">规章</th><td> 0</td><td>&nbsp;1 </td></tr></table>',
    );
    expect(lines.map((l) => l.cells)).toEqual([["甲乙"], ["丙"], ["丁"], ["规章", "0", "1"]]);
  });

  it("joins a header cell broken over lines (社会公益<br>组织) with a space the label key ignores", () => {
    expect(htmlToLines("<table><tr><td><p>社会公益</p><p>组织</p></td><td>0</td></tr></table>")[0]?.cells).toEqual([
      "社会公益 组织",
      "0",
    ]);
  });

  it("walks into layout tables that wrap the article instead of reading them as one row", () => {
    const lines = htmlToLines(
      "<table><tr><td><p>一、总体情况</p><table><tr><td>行政许可</td><td>5</td></tr></table></td><td>侧栏</td></tr></table>",
    );
    expect(lines.map((l) => l.cells)).toEqual([["一、总体情况"], ["行政许可", "5"], ["侧栏"]]);
  });

  it("ignores comments and Word conditional markup", () => {
    const lines = htmlToLines('<!--[if gte mso 9]><xml>x</xml><![endif]--><p class="MsoNormal">正文<o:p></o:p></p>');
    expect(lines.map((l) => l.cells)).toEqual([["正文"]]);
  });
});

describe("readReportHtml on a page that is not a report", () => {
  it("says so instead of returning an empty report", () => {
    const r = readReportHtml(
      "<html><body><h1>新闻中心</h1><p>今天天气晴。</p><p>2023年政府信息公开工作年度报告已发布，欢迎查阅。</p></body></html>",
    );
    expect(r.status).toBe("notReport");
    expect(r.problems.map((p) => p.code)).toEqual(["input.notReport"]);
    expect(r.data.cells).toEqual({});
  });
});

describe("readReportHtml on hostile markup", () => {
  // The sizes of the attack: 3.7 MB ran 150 s into a stack overflow, 1.1 MB 11 s.
  it.each([3.7, 1.1])("refuses %s MB of nested <div>s before building a DOM", (megabytes) => {
    const html = writeNestedDivsHtml(megabytes * 1024 * 1024);
    expect(html.length).toBeGreaterThan(megabytes * 1000 * 1000);
    const r = readReportHtml(html);
    expect(r.status).toBe("refused");
    expect(r.problems).toEqual([
      {
        code: "input.tooComplex",
        severity: "error",
        place: "file",
        message: "文件结构过于复杂（嵌套超过 200 层），无法读取。请另存为普通网页或 Word 文档后重试",
      },
    ]);
  });

  it("refuses a page of more than 50,000 elements, however flat", () => {
    const r = readReportHtml(`<html><body>${"<span>一</span>".repeat(50_001)}</body></html>`);
    expect(r.status).toBe("refused");
    expect(r.problems[0]?.message).toMatch(/超过 50000 个网页元素/);
  });

  it("counts depth as the DOM nests: implied closes and void elements do not add up", () => {
    const sloppy = `<html><body>${"<p>段落<br><img src=x>".repeat(5_000)}<ul>${"<li>条目".repeat(5_000)}</ul></body></html>`;
    expect(checkHtmlStructure(sloppy)).toEqual({ ok: true });
    const deep = `${"<div>".repeat(150)}正文${"</div>".repeat(150)}`;
    expect(checkHtmlStructure(deep)).toEqual({ ok: true });
    expect(checkHtmlStructure(deep, { maxDepth: 100, maxElements: 1000 })).toEqual({
      ok: false,
      reason: "tooDeep",
      limit: 100,
    });
  });

  it("still reads a report inside 150 levels of layout markup", () => {
    const layout = getLayout("gov-2021");
    const data = sampleReport("gov-2021");
    const page = writeReportHtmlTable(layout, data);
    const wrapped = page.replace(/<body([^>]*)>/, `<body$1>${"<div>".repeat(150)}`);
    expect(wrapped).not.toBe(page);
    expect(readReportHtml(wrapped).data).toEqual(data);
  });
});
