import { describe, expect, it } from "vitest";
import { seed002Corrected } from "@/fixtures";
import { getLayout } from "@/lib/template";
import { gridShape, nextEditableCell } from "./grid-shape";
import { isBlockPaste, needsPreview, parseClipboardTable, planPaste, planSheetPaste } from "./paste";

const layout = getLayout("gov-2021");
const t3 = gridShape(layout, "t3");
const nothing = () => null;

/** Table 三 of seed 002 as Excel puts it on the clipboard: CRLF rows, tabs, a trailing line break. */
function seedTableAsTsv(): string {
  return (
    t3.cells.map((row) => row.map((cell) => String(seed002Corrected.cells[cell.id] ?? "")).join("\t")).join("\r\n") +
    "\r\n"
  );
}

describe("parseClipboardTable", () => {
  it("reads Excel/WPS tab-separated rows and drops the trailing line break", () => {
    expect(parseClipboardTable("1\t2\t3\r\n4\t5\t6\r\n")).toEqual([
      ["1", "2", "3"],
      ["4", "5", "6"],
    ]);
  });

  it("keeps quoted cells with tabs or line breaks whole", () => {
    expect(parseClipboardTable('"a\tb"\t2\n"x\ny"\t3')).toEqual([
      ["a\tb", "2"],
      ["x\ny", "3"],
    ]);
  });

  it("keeps blank cells in place", () => {
    expect(parseClipboardTable("1\t\t3\n\t5\t")).toEqual([
      ["1", "", "3"],
      ["", "5", ""],
    ]);
  });

  it("tells a block from a single value", () => {
    expect(isBlockPaste("35")).toBe(false);
    expect(isBlockPaste("35\r\n")).toBe(false);
    expect(isBlockPaste("35\t36")).toBe(true);
    expect(isBlockPaste("35\n36")).toBe(true);
  });
});

describe("planPaste", () => {
  it("fills table 三 of seed 002 from its first cell; totals are checked, not written", () => {
    const plan = planPaste(layout, t3, "t3.r1.natural", parseClipboardTable(seedTableAsTsv()), nothing);
    expect(plan.fills).toHaveLength(24 * 6);
    expect(plan.fills.find((f) => f.cellId === "t3.r1.natural")?.value).toBe(35);
    expect(plan.fills.some((f) => f.cellId.endsWith(".total") || f.cellId.startsWith("t3.r3_7."))).toBe(false);
    expect(plan.totalsSkipped).toBe(25 + 6);
    expect(plan.totalMismatches).toEqual([]);
    expect(plan.refused).toEqual([]);
    expect(plan.outside).toBe(0);
  });

  it("normalizes what it can and refuses the rest, naming the cell", () => {
    const plan = planPaste(layout, t3, "t3.r1.natural", parseClipboardTable("３５\t1,000\tabc\t\t无"), nothing);
    expect(plan.fills).toEqual([
      { cellId: "t3.r1.natural", value: 35 },
      { cellId: "t3.r1.business", value: 1000 },
    ]);
    expect(plan.refused).toEqual([
      {
        cellId: "t3.r1.research",
        label: "一、本年新收政府信息公开申请数量·科研机构",
        message: "“abc”不是数字：请只填写数字（如 35）",
      },
      {
        cellId: "t3.r1.legal",
        label: "一、本年新收政府信息公开申请数量·法律服务机构",
        message: "“无”不是数字：没有发生的请填 0",
      },
    ]);
    expect(plan.blanks).toBe(1);
  });

  it("counts what falls outside the grid", () => {
    const plan = planPaste(layout, t3, "t3.r4.other", parseClipboardTable("1\t2\t3\n4\t5\t6"), nothing);
    expect(plan.fills).toEqual([{ cellId: "t3.r4.other", value: 1 }]);
    expect(plan.totalsSkipped).toBe(1);
    expect(plan.outside).toBe(4);
  });

  it("reports a pasted total that disagrees with its parts", () => {
    const plan = planPaste(layout, t3, "t3.r1.natural", parseClipboardTable("1\t2\t0\t0\t0\t0\t4"), nothing);
    expect(plan.totalMismatches).toEqual([
      { cellId: "t3.r1.total", label: "一、本年新收政府信息公开申请数量·总计", pasted: 4, computed: 3 },
    ]);
  });

  it("uses present values of cells the paste does not reach when checking totals", () => {
    const current = (id: string) => (id === "t3.r1.other" ? 1 : null);
    const plan = planPaste(layout, t3, "t3.r1.natural", parseClipboardTable("1\t2\t0\t0\t0"), current);
    expect(plan.totalMismatches).toEqual([]);
    const withTotal = planPaste(layout, t3, "t3.r1.natural", parseClipboardTable("1\t2\t0\t0\t0\t\t4"), current);
    expect(withTotal.totalMismatches).toEqual([]);
  });
});

describe("planSheetPaste", () => {
  /** Rows of table 三 copied together with their labels (one label column, 总计 included). */
  const labelled = [
    "一、本年新收政府信息公开申请数量\t35\t0\t0\t0\t0\t1\t36",
    "二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2",
  ].join("\r\n");

  it("places labelled rows by their labels, whatever column has the focus", () => {
    const plan = planSheetPaste(layout, t3, "t3.r2.research", parseClipboardTable(labelled), nothing);
    expect(plan.labelled).toBe(true);
    expect(plan.fills.slice(0, 2)).toEqual([
      { cellId: "t3.r1.natural", value: 35 },
      { cellId: "t3.r1.business", value: 0 },
    ]);
    expect(plan.fills.find((f) => f.cellId === "t3.r1.other")?.value).toBe(1);
    expect(plan.fills.find((f) => f.cellId === "t3.r2.natural")?.value).toBe(2);
    expect(plan.fills.some((f) => f.cellId.startsWith("t3.r3"))).toBe(false);
    expect(plan.totalsSkipped).toBe(2);
    expect(plan.totalMismatches).toEqual([]);
    expect(plan.rows.map((row) => row.rowLabel)).toEqual([
      "一、本年新收政府信息公开申请数量",
      "二、上年结转政府信息公开申请数量",
    ]);
    expect(plan.rows[0]!.fills[0]).toEqual({ cellId: "t3.r1.natural", value: 35, columnLabel: "自然人" });
    expect(needsPreview(plan)).toBe(true);
  });

  it("reads labels written another way, nested label columns, Excel's merged blanks and heading rows", () => {
    const text = [
      "\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计",
      "三、本年度办理结果\t\t\t\t\t\t\t",
      "\t（一） 予以公开\t5\t1\t0\t0\t0\t0\t6",
      "（三）不予公开\t1、属于国家秘密\t1\t0\t0\t0\t0\t0\t1",
      "\t(六)其他处理\t3．其他\t4\t0\t0\t0\t0\t0\t4",
    ].join("\n");
    const plan = planSheetPaste(layout, t3, "t3.r1.other", parseClipboardTable(text), nothing);
    expect(plan.unplacedRows).toEqual([]);
    expect(plan.fills.filter((f) => f.value !== 0)).toEqual([
      { cellId: "t3.r3_1.natural", value: 5 },
      { cellId: "t3.r3_1.business", value: 1 },
      { cellId: "t3.r3_3_1.natural", value: 1 },
      { cellId: "t3.r3_6_3.natural", value: 4 },
    ]);
    expect(plan.totalMismatches).toEqual([]);
  });

  it("says which labelled rows name no row of the grid and writes nothing of them", () => {
    const text = "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\n行政许可\t7\t0\t0\t0\t0\t0";
    const plan = planSheetPaste(layout, t3, "t3.r1.natural", parseClipboardTable(text), nothing);
    expect(plan.unplacedRows).toEqual([{ pastedLabel: "行政许可", message: "本表没有“行政许可”这一行" }]);
    expect(plan.fills.every((f) => f.cellId.startsWith("t3.r1."))).toBe(true);
    expect(needsPreview(plan)).toBe(true);
  });

  it("starts a labelled row narrower than the grid at the focused column", () => {
    const plan = planSheetPaste(
      layout,
      t3,
      "t3.r4.research",
      parseClipboardTable("一、本年新收政府信息公开申请数量\t8\t9"),
      nothing,
    );
    expect(plan.fills).toEqual([
      { cellId: "t3.r1.research", value: 8 },
      { cellId: "t3.r1.nonprofit", value: 9 },
    ]);
    expect(needsPreview(plan)).toBe(false);
  });

  it("fills from the focused cell when the block has no labels, as planPaste does", () => {
    const rows = parseClipboardTable("1\t2\n3\t4");
    const plan = planSheetPaste(layout, t3, "t3.r2.business", rows, nothing);
    expect(plan.labelled).toBe(false);
    expect(plan.fills).toEqual(planPaste(layout, t3, "t3.r2.business", rows, nothing).fills);
    expect(plan.fills[0]).toEqual({ cellId: "t3.r2.business", value: 1 });
    expect(needsPreview(plan)).toBe(true);
  });

  it("treats a block of words that name no row as an unlabelled paste (refused cell by cell)", () => {
    const plan = planSheetPaste(layout, t3, "t3.r1.natural", parseClipboardTable("无\t1\n2\t3"), nothing);
    expect(plan.labelled).toBe(false);
    expect(plan.refused.map((r) => r.cellId)).toEqual(["t3.r1.natural"]);
  });
});

describe("nextEditableCell", () => {
  it("moves by row and column and skips computed totals", () => {
    expect(nextEditableCell(t3, "t3.r1.natural", "down")).toBe("t3.r2.natural");
    expect(nextEditableCell(t3, "t3.r1.other", "right")).toBeUndefined();
    expect(nextEditableCell(t3, "t3.r3_6_3.natural", "down")).toBe("t3.r4.natural");
    expect(nextEditableCell(t3, "t3.r4.natural", "up")).toBe("t3.r3_6_3.natural");
    expect(nextEditableCell(t3, "t3.r1.natural", "left")).toBeUndefined();
    expect(nextEditableCell(t3, "t3.r1.natural", "up")).toBeUndefined();
    const t4 = gridShape(layout, "t4");
    expect(nextEditableCell(t4, "t4.review.pending", "right")).toBe("t4.suitDirect.upheld");
  });
});
