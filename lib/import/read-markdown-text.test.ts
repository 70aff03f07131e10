/**
 * Reports as document converters write them out as Markdown (`## 一、总体情况`,
 * `| 规章 | 0 | 0 | 0 |`, one small table per row of table 三 under its own `###` heading):
 * the corpus entry fixtures/corpus/shuyang-county-2025, a real county report in that form.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readReportText, textToLines } from "./read-report-text";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const shuyang = readFileSync(path.join(repoRoot, "fixtures/corpus/shuyang-county-2025/report.txt"), "utf8");

describe("Markdown lines", () => {
  it("drops a heading's # marks, splits a table row at its bars and keeps its blank cells", () => {
    expect(textToLines("## 一、总体情况")[0]?.cells).toEqual(["一、总体情况"]);
    expect(textToLines("| 规章 | 0 |  | 0 |")[0]?.cells).toEqual(["规章", "0", "", "0"]);
    expect(textToLines("|---|:---:|---|")[0]?.cells).toEqual([]);
  });

  it("leaves tab-separated lines and a lone bar as they were", () => {
    expect(textToLines("规章\t0\t\t0")[0]?.cells).toEqual(["规章", "0", "", "0"]);
    expect(textToLines("|")[0]?.cells).toEqual(["|"]);
  });
});

describe("沐阳县人民政府 2025, converted to Markdown", () => {
  const r = readReportText(shuyang);

  it("reads the title, year, body and every table", () => {
    expect(r).toMatchObject({
      status: "read",
      layoutId: "gov-2021",
      year: 2025,
      organizationName: "沐阳县人民政府",
      organizationKind: "COUNTY",
    });
    expect(Object.keys(r.data.cells)).toHaveLength(200);
    expect(r.data.cells["t2.fees.amount"]).toBe(4068.208);
    expect(r.data.cells["t4.review.total"]).toBe(61);
  });

  it("takes a row's figures from the table under its heading, not a bare heading as an empty row", () => {
    expect(r.data.cells["t3.r1.natural"]).toBe(705);
    expect(r.data.cells["t3.r1.total"]).toBe(713);
    expect(r.data.cells["t3.r2.total"]).toBe(36);
    expect(r.data.cells["t3.r3_2.legal"]).toBe(2);
    expect(r.problems.map((p) => p.code)).not.toContain("row.values");
  });

  it("does not read the column 其他 of a header row as the row 3.其他", () => {
    expect(r.data.cells["t3.r3_6_3.natural"]).toBe(142);
    expect(r.data.cells["t3.r3_6_3.total"]).toBe(143);
    expect(r.problems.map((p) => p.code)).not.toContain("cell.blank");
  });

  it("still reports a row printed without figures when no figures follow", () => {
    const cut = shuyang.replace("| 上年结转政府信息公开申请数量 | 36 | 0 | 0 | 0 | 0 | 0 | 36 |\n", "");
    expect(cut).not.toBe(shuyang);
    const problem = readReportText(cut).problems.find((p) => p.code === "row.values");
    expect(problem?.place).toBe("t3.r2");
    expect(problem?.severity).toBe("error");
  });
});
