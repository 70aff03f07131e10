/**
 * The shared reading on the messes real reports make, each applied to an
 * otherwise clean report written as text: the reader recovers what is
 * there, reports what is not, and never makes a figure up.
 */
import { describe, expect, it } from "vitest";
import { sampleReport } from "../../fixtures/import/sample-report";
import { writeReportText } from "../../fixtures/import/write-report-text";
import { getLayout } from "../template";
import type { LayoutId } from "../template/types";
import { readReportText } from "./read-report-text";
import type { ReadResult } from "./types";

const data = sampleReport("gov-2021");
const clean = writeReportText(getLayout("gov-2021"), data);

function read(mutate: (text: string) => string, layoutId: LayoutId = "gov-2021"): ReadResult {
  const base = layoutId === "gov-2021" ? clean : writeReportText(getLayout(layoutId), sampleReport(layoutId));
  const text = mutate(base);
  expect(text).not.toBe(base);
  return readReportText(text);
}

const codes = (r: ReadResult): string[] => r.problems.map((p) => p.code);

describe("label variants are read without complaint", () => {
  it("half-width brackets and spaces inside labels", () => {
    const r = read((t) => t.replace("（一）予以公开", "(一) 予以公开").replace("（七）总计", "( 七 ) 总 计"));
    expect(r.problems).toEqual([]);
    expect(r.data).toEqual(data);
  });

  it("full-width digits and stray spaces around figures", () => {
    const c = data.cells["t3.r1.natural"];
    const r = read((t) =>
      t.replace(
        /(一、本年新收政府信息公开申请数量\t+)(\d+)/,
        (_m, head: string, n: string) => `${head} ${n.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))} `,
      ),
    );
    expect(r.data.cells["t3.r1.natural"]).toBe(c);
    expect(r.problems).toEqual([]);
  });

  it("page furniture and Word bookmarks", () => {
    const r = read(
      (t) =>
        `索引号：11130000/2024-00001 主题分类：综合政务\n发布时间：2024-01-20 浏览次数：99\n[bookmark: _GoBack]${t}\n【打印本页】【关闭窗口】\n` +
        "上一篇：关于某某的通知\n主办单位：某某县人民政府办公室 网站标识码：1300000001\n冀ICP备00000000号\n",
    );
    expect(r.problems).toEqual([]);
    expect(r.data).toEqual(data);
  });

  it("thousands separators", () => {
    const r = read((t) => t.replace(/(行政处罚\t)\d+/, "$11,234"));
    expect(r.data.cells["t2.penalty.decisions"]).toBe(1234);
  });
});

describe("defects are recovered from and reported", () => {
  it("a typo in a row label still reads the row", () => {
    const r = read((t) => t.replace("本机关不掌握相关政府信息", "本机关不掌握相关政府信患"));
    expect(r.data).toEqual(data);
  });

  it("a slash for a figure is not a 0", () => {
    const r = read((t) => t.replace(/(行政许可\t)\d+/, "$1/"));
    expect(r.data.cells["t2.licensing.decisions"]).toBeUndefined();
    const blank = r.problems.find((p) => p.code === "cell.blank");
    expect(blank?.place).toBe("t2.licensing.decisions");
    expect(blank?.message).toContain("“/”");
  });

  it("a missing row is absent and reported; the rows after it still read", () => {
    const r = read((t) => t.replace(/\t*（二）部分公开[^\n]*\n/, ""));
    for (const id of Object.keys(data.cells).filter((id) => id.startsWith("t3.r3_2.")))
      expect(r.data.cells[id]).toBeUndefined();
    expect(r.data.cells["t3.r3_3_1.natural"]).toBe(data.cells["t3.r3_3_1.natural"]);
    expect(r.problems.find((p) => p.code === "row.missing")?.place).toBe("t3.r3_2");
  });

  it("a row with a figure too many keeps the first ones and says so", () => {
    const r = read((t) => t.replace(/(规章(?:\t\d+){3})/, "$1\t77"));
    expect(r.data.cells["t2.rules.issued"]).toBe(data.cells["t2.rules.issued"]);
    expect(r.problems.find((p) => p.code === "row.values")?.severity).toBe("warning");
  });

  it("a grid left out is reported once, by its title (gov-2019 第二十条第（九）项)", () => {
    const r = read((t) => t.replace(/第二十条第（九）项[^\n]*\n[^\n]*\n政府集中采购[^\n]*\n/, ""), "gov-2019");
    expect(r.data.cells["t2.procurement.items"]).toBeUndefined();
    expect(r.problems.map((p) => [p.code, p.place])).toEqual([["grid.missing", "t2.item9"]]);
    expect(r.problems[0]?.message).toContain("第二十条第（九）项");
  });

  it("a table heading with no table under it", () => {
    const r = read((t) => t.replace(/(四、政府信息公开行政复议、行政诉讼情况\n\n)(?:[^\n]*\t[^\n]*\n)+/, "$1"));
    expect(Object.keys(r.data.cells).filter((id) => id.startsWith("t4."))).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.place])).toEqual([["grid.missing", "t4"]]);
  });

  it("a heading numbered “2.” is read as 二 and reported", () => {
    const r = read((t) => t.replace("二、主动公开政府信息情况", "2．主动公开政府信息情况"));
    expect(r.data).toEqual(data);
    expect(r.problems.map((p) => [p.code, p.place])).toEqual([["section.numbering", "t2"]]);
  });

  it("a heading run into the first sentence of its text (one Word paragraph) is split off", () => {
    const r = read((t) => t.replace("五、存在的主要问题及改进情况\n\n", "五、存在的主要问题及改进情况。"));
    expect(r.data).toEqual(data);
    expect(r.problems).toEqual([]);
  });

  it("a missing section heading: its content is not read into the previous section as figures", () => {
    const r = read((t) => t.replace("五、存在的主要问题及改进情况\n", ""));
    expect(r.data.narrative.s5).toBeUndefined();
    expect(codes(r)).toContain("section.missing");
  });

  it("sub-parts without numbering go to 一 as a whole, with a warning", () => {
    const r = read((t) =>
      t.replace(/（[一二三四五]）(主动公开|依申请公开|政府信息管理|政府信息公开平台建设|监督保障)\n/g, ""),
    );
    expect(r.data.narrative.s1).toContain(data.narrative["s1.active"] ?? "?");
    expect(r.data.narrative["s1.active"]).toBeUndefined();
    expect(codes(r)).toEqual(["parts.none"]);
  });

  it("a sub-part left out is reported", () => {
    const r = read((t) => t.replace(/（四）政府信息公开平台建设\n\n[^\n]*\n\n[^\n]*\n/, ""));
    expect(r.data.narrative["s1.platform"]).toBeUndefined();
    expect(r.problems.find((p) => p.code === "part.missing")?.place).toBe("s1.platform");
  });
});

describe("title, year and layout", () => {
  it("a 2023 report in the 2019 format is read as 2019 and the mismatch reported", () => {
    const r = read((t) => t.replaceAll("2020", "2023"), "gov-2019");
    expect(r.layoutId).toBe("gov-2019");
    expect(r.year).toBe(2023);
    expect(codes(r)).toContain("year.layoutMismatch");
  });

  it("without a title, the year comes from the 统计期限 and the missing title is reported", () => {
    const r = read((t) => t.replace(/^[^\n]*年度报告\n/, ""));
    expect(r.year).toBe(2023);
    expect(r.organizationName).toBe("");
    expect(r.organizationKind).toBeNull();
    expect(codes(r)).toContain("title.missing");
  });

  it("the body name on its own line above the title", () => {
    const r = read((t) => t.replace("示例县示例镇2023年", "示例县示例镇\n\n2023 年"));
    expect(r.organizationName).toBe("示例县示例镇");
    expect(r.problems).toEqual([]);
  });
});
