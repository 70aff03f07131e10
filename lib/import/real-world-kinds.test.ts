/**
 * Kinds of real-world input that published reports show (issue 16): another layout's row
 * names, units in headers and cells, headings written or numbered otherwise, tables and
 * sections of the author's own, typos and missing rows. Each fixture is a real published
 * report (fixtures/seeds-text: 002 is 宽城's 2023 report in the 2021 layout, one value per
 * line as its site gives it; 001 is 祥云镇's 2020 report in the 2019 layout, tab-separated)
 * with the one change the kind is about, so the rest of the report must still read as before.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sampleReport } from "../../fixtures/import/sample-report";
import type { ReportData } from "../report-data";
import { readReportText } from "./read-report-text";
import type { ProblemCode, ReadResult } from "./types";

const seed = (name: string): string =>
  readFileSync(path.join(__dirname, "../../fixtures/seeds-text", `${name}.txt`), "utf8");
const kuancheng = seed("002_e73d5a6c979587d5");
const xiangyun = seed("001_1e620b80bbedd808");

/** `text` with `from` replaced once; fails when `from` is not there, so a fixture cannot silently stay the seed. */
function edit(text: string, from: string | RegExp, to: string): string {
  const edited = text.replace(from, to);
  expect(edited, `fixture edit ${String(from)}`).not.toBe(text);
  return edited;
}

/** 祥云's report read with 政府集中采购's amount header edited (`from` → `to`) and `figures` in its row. */
function readWithProcurement([from, to]: [string, string], figures: string): ReadResult {
  return readReportText(edit(edit(xiangyun, from, to), "政府集中采购\t0\t0", `政府集中采购\t${figures}`));
}

/**
 * 宽城's report with an edit, read, and the report as published: an edit outside the tables
 * must leave every figure as published.
 */
function readBesidePublished(edited: string): { r: ReadResult; asPublished: ReadResult } {
  const r = readReportText(edited);
  const asPublished = readReportText(kuancheng);
  expect(r.data.cells).toEqual(asPublished.data.cells);
  return { r, asPublished };
}

const problems = (r: ReadResult, code: ProblemCode) => r.problems.filter((p) => p.code === code);
const codes = (r: ReadResult) => r.problems.map((p) => `${p.code} ${p.place}`);

describe("the seeds as published read as before (no new findings)", () => {
  it.each([
    ["宽城 2023", kuancheng],
    ["祥云镇 2020", xiangyun],
  ])("%s", (_, text) => {
    const r = readReportText(text);
    for (const code of ["row.wording", "cell.unit", "table.extra", "section.extra", "section.content"] as const)
      expect(problems(r, code)).toEqual([]);
  });
});

describe("kind 2: a 2019 row name inside a 2021 table, and the other way round", () => {
  it.each([
    {
      name: "规范性文件 in 宽城's 2021 table is read into 行政规范性文件, with a 提示 naming both wordings",
      edited: [kuancheng, "行政规范性文件", "规范性文件"],
      layoutId: "gov-2021",
      cells: { "t2.normative.issued": 3, "t2.normative.repealed": 0, "t2.normative.inForce": 3 },
      hintNames: ["“规范性文件”（国办公开办函〔2019〕60号格式的写法）", "“行政规范性文件”"],
    },
    {
      name: "行政规范性文件 in 祥云镇's 2019 table is read into 规范性文件",
      edited: [xiangyun, "规范性文件\t0\t0\t0", "行政规范性文件\t2\t1\t7"],
      layoutId: "gov-2019",
      cells: { "t2.normative.made": 2, "t2.normative.published": 1, "t2.normative.total": 7 },
      hintNames: [],
    },
  ] as const)("$name", ({ edited, layoutId, cells, hintNames }) => {
    const [text, from, to] = edited;
    const r = readReportText(edit(text, from, to));
    expect(r.layoutId).toBe(layoutId);
    expect(r.data.cells).toMatchObject(cells);
    expect(problems(r, "row.missing")).toEqual([]);
    const hints = problems(r, "row.wording");
    expect(hints.map((p) => [p.severity, p.place])).toEqual([["warning", "t2.normative"]]);
    for (const words of hintNames) expect(hints[0]?.message).toContain(words);
  });
});

describe("kind 4: units in the header or in the cell", () => {
  it("采购总金额（元） 8810055 is converted to 881.0055 万元, with a finding that says so", () => {
    const r = readWithProcurement(["采购总金额（单位：万元，保留4位小数）", "采购总金额（元）"], "3\t8810055");
    expect(r.data.cells["t2.procurement.items"]).toBe(3);
    expect(r.data.cells["t2.procurement.amount"]).toBe(881.0055);
    const [finding] = problems(r, "cell.unit");
    expect(finding).toMatchObject({ severity: "warning", place: "t2.procurement.amount" });
    expect(finding?.message).toContain("“采购总金额（元）”");
    expect(finding?.message).toContain("8810055 元");
    expect(finding?.message).toContain("881.0055 万元");
    expect(problems(r, "header.wording")).toEqual([]);
  });
  it("a unit on the header's second line (采购总金额 / （单位：元）) is the header's", () => {
    const r = readWithProcurement(["采购总金额（单位：万元，保留4位小数）\t", "采购总金额\t（单位：元）"], "1\t25000");
    expect(r.data.cells["t2.procurement.amount"]).toBe(2.5);
    expect(problems(r, "cell.unit").map((p) => p.place)).toEqual(["t2.procurement.amount"]);
  });
  it("`147230元` in 宽城's fee cell is read and converted to 14.723 万元", () => {
    const r = readReportText(edit(kuancheng, /(行政事业性收费\s*\n\s*\n)0/, "$1147230元"));
    expect(r.data.cells["t2.fees.amount"]).toBe(14.723);
    const [finding] = problems(r, "cell.unit");
    expect(finding).toMatchObject({ severity: "warning", place: "t2.fees.amount" });
    expect(finding?.message).toContain("“147230元”");
    expect(finding?.message).toContain("14.723 万元");
  });
  it("a figure in the template's own unit (12.5万元) or a count with 件 is read as is, without a finding", () => {
    const r = readReportText(
      edit(edit(kuancheng, /(行政事业性收费\s*\n\s*\n)0/, "$112.5万元"), /(行政规范性文件\s*\n\s*\n)3/, "$13件"),
    );
    expect(r.data.cells["t2.fees.amount"]).toBe(12.5);
    expect(r.data.cells["t2.normative.issued"]).toBe(3);
    expect(problems(r, "cell.unit")).toEqual([]);
  });
  it("a money unit in a count cell is not read, and said so", () => {
    const r = readReportText(edit(xiangyun, "行政许可\t5\t0\t12", "行政许可\t5\t0\t1200元"));
    expect(r.data.cells["t2.licensing.decisions"]).toBeUndefined();
    expect(r.data.cells["t2.licensing.prevItems"]).toBe(5);
    const [finding] = problems(r, "cell.unit");
    expect(finding).toMatchObject({ severity: "error", place: "t2.licensing.decisions" });
    expect(finding?.message).toContain("件数");
  });
});

describe("kind 5: headings written differently", () => {
  it("一总体情况 (no 、) is section 一, with a 提示", () => {
    const r = readReportText(edit(kuancheng, "一、总体情况", "一总体情况"));
    expect(problems(r, "section.missing")).toEqual([]);
    expect(r.data.narrative["s1.active"]).toContain("主动公开方面");
    const [hint] = problems(r, "section.numbering");
    expect(hint).toMatchObject({ severity: "warning", place: "s1" });
    expect(hint?.message).toContain("“一总体情况”");
  });
  it("a number run into other words is no heading (五公开 in the prose of 一)", () => {
    const r = readReportText(edit(kuancheng, "一、总体情况\n", "一、总体情况\n\n五公开\n"));
    expect(problems(r, "section.numbering")).toEqual([]);
    expect(problems(r, "section.missing")).toEqual([]);
  });
  it("a section of the unit's own (五、信息处理费收取情况) renumbers the rest: found by their words, its text filed under 六", () => {
    const renumbered = edit(
      edit(
        kuancheng,
        "五、存在的主要问题及改进情况",
        "五、信息处理费收取情况\n\n本年度未收取信息处理费。\n\n六、存在的主要问题和改进措施",
      ),
      "六、其他需要报告的事项",
      "七、其他需要报告的事项",
    );
    const { r, asPublished } = readBesidePublished(renumbered);
    expect(problems(r, "section.missing")).toEqual([]);
    expect(r.data.narrative.s5).toBe(asPublished.data.narrative.s5);
    expect(r.data.narrative.s6).toBe(`信息处理费收取情况\n本年度未收取信息处理费。\n${asPublished.data.narrative.s6}`);
    expect(codes(r)).toEqual(
      expect.arrayContaining(["section.content s5", "section.numbering s6", "section.extra s6"]),
    );
    expect(problems(r, "section.content")[0]?.message).toContain("按内容应为“五、存在的主要问题及改进情况”");
    expect(problems(r, "section.extra")[0]?.message).toContain("“五、信息处理费收取情况”不是模板的章节");
  });
  it("without renumbering, a numbered line inside a section is not a section of its own", () => {
    const r = readReportText(
      edit(kuancheng, "五、存在的主要问题及改进情况\n", "五、存在的主要问题及改进情况\n\n六、下一步工作打算\n"),
    );
    expect(problems(r, "section.extra")).toEqual([]);
    expect(r.data.narrative.s5).toContain("六、下一步工作打算");
  });
});

describe("kind 6: a table after table 四 is kept out of it", () => {
  it("a fee table between table 四 and 五 is not read into 四; its lines are filed under 六", () => {
    const withFees = edit(
      kuancheng,
      "五、存在的主要问题及改进情况",
      "信息处理费收取情况表\n\n收费项目\n\n收费金额（元）\n\n信息处理费\n\n120\n\n五、存在的主要问题及改进情况",
    );
    const { r } = readBesidePublished(withFees);
    expect(problems(r, "row.values")).toEqual([]);
    const [hint] = problems(r, "table.extra");
    expect(hint).toMatchObject({ severity: "warning", place: "t4" });
    expect(hint?.message).toContain("“信息处理费收取情况表”");
    expect(r.data.narrative.s6?.startsWith("信息处理费收取情况表\n收费项目\n收费金额（元）\n信息处理费\n120")).toBe(
      true,
    );
  });
  it("a note under table 四 without figures is no table", () => {
    const r = readReportText(
      edit(
        kuancheng,
        "五、存在的主要问题及改进情况",
        "注：本年度未发生行政复议、行政诉讼。\n\n五、存在的主要问题及改进情况",
      ),
    );
    expect(problems(r, "table.extra")).toEqual([]);
  });
});

describe("kind 7: typos in labels and a missing row", () => {
  it("先行有效件数 and no 规章 row: the grid is read, the typo and the missing row reported", () => {
    const r = readReportText(
      edit(edit(kuancheng, "现行有效件数", "先行有效件数"), /规章\s*\n\s*\n0\s*\n\s*\n0\s*\n\s*\n\s*0\n/, ""),
    );
    expect(r.data.cells).toMatchObject({
      "t2.normative.issued": 3,
      "t2.normative.repealed": 0,
      "t2.normative.inForce": 3,
    });
    expect(r.data.cells["t2.rules.issued"]).toBeUndefined();
    expect(problems(r, "grid.missing")).toEqual([]);
    expect(codes(r)).toEqual(expect.arrayContaining(["header.wording t2", "row.missing t2.rules"]));
    expect(problems(r, "header.wording")[0]?.message).toContain("“先行有效件数”");
  });
  it("both rows of 第二十条第（一）项 misprinted (规张 is too short to guess; 规范性文件 is the 2019 name) still read 行政规范性文件", () => {
    const r = readReportText(edit(edit(kuancheng, "规章", "规张"), "行政规范性文件", "规范性文件"));
    expect(problems(r, "grid.missing")).toEqual([]);
    expect(r.data.cells["t2.normative.inForce"]).toBe(3);
    expect(codes(r)).toEqual(expect.arrayContaining(["row.missing t2.rules", "row.wording t2.normative"]));
  });
  it("a typo in a row label (行政规范姓文件) is that row, with a 提示", () => {
    const r = readReportText(edit(kuancheng, "行政规范性文件", "行政规范姓文件"));
    expect(r.data.cells["t2.normative.issued"]).toBe(3);
    const [hint] = problems(r, "row.wording");
    expect(hint).toMatchObject({ severity: "warning", place: "t2.normative" });
    expect(hint?.message).toContain("“行政规范姓文件”");
  });
  it("a label cut short of its note (部分公开) is the usual print, not a misprint", () => {
    const r = readReportText(
      edit(
        kuancheng,
        /（二）部分公开（区分处理的，只计这一情形，不计其他情形）|\(二\)部分公开\(区分处理的,只计这一情形,不计其他情形\)/,
        "(二)部分公开",
      ),
    );
    expect(problems(r, "row.wording")).toEqual([]);
    expect(problems(r, "row.missing")).toEqual([]);
  });
});

describe("the kinds together in a PDF (the sample's CMS page printed by LibreOffice: fixtures/import/write-kinds-pdf.ts)", () => {
  it("reads each as the text readers do, and keeps the fee table out of table 四", async () => {
    const { readReportPdf } = await import("./read-report-pdf");
    const r = await readReportPdf(
      new Uint8Array(readFileSync(path.join(__dirname, "../../fixtures/import/pdf/libreoffice-kinds-gov-2021.pdf"))),
    );
    const sample = sampleReport("gov-2021");
    expect(r.status).toBe("read");
    expect(r.layoutId).toBe("gov-2021");
    // Tables 二 and 四 cell by cell: 规范性文件 into 行政规范性文件, 147230元 as 万元, 四 without the fee table.
    const inTables = (cells: ReportData["cells"], prefix: string) =>
      Object.fromEntries(Object.entries(cells).filter(([id]) => id.startsWith(prefix)));
    expect(inTables(r.data.cells, "t2.")).toEqual({ ...inTables(sample.cells, "t2."), "t2.fees.amount": 14.723 });
    expect(inTables(r.data.cells, "t4.")).toEqual(inTables(sample.cells, "t4."));
    expect(codes(r)).toEqual(
      expect.arrayContaining([
        "section.numbering s1",
        "row.wording t2.normative",
        "header.wording t2",
        "cell.unit t2.fees.amount",
        "table.extra t4",
      ]),
    );
    expect(problems(r, "section.missing")).toEqual([]);
    expect(r.data.narrative["s1.active"]).toContain("主动公开政府信息128条");
    expect(r.data.narrative.s6).toMatch(/^信息处理费收取情况表\n/);
  });
});
