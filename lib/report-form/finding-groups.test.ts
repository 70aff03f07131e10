import { describe, expect, it } from "vitest";
import { seed002Corrected } from "@/fixtures";
import { blankReportData, type ReportData } from "@/lib/report-data";
import { engineRules, evaluateReport } from "@/lib/rules";
import { compileLayout, getLayout } from "@/lib/template";
import { groupFindings, ruleOfFinding } from "./finding-groups";
import { normalizeReportData } from "./form-values";
import { IssueStore } from "./issue-store";
import { stepProgress } from "./steps";

const layout = getLayout("gov-2021");
const compiled = compileLayout(layout);

function itemsOf(data: ReportData) {
  const store = new IssueStore(layout);
  store.setFindings(evaluateReport({ data, layout }), stepProgress(layout, data));
  store.revealAll();
  return store.getAll();
}

describe("ruleOfFinding", () => {
  it("finds the rule of every finding id, the longest id first", () => {
    expect(ruleOfFinding(layout, "completeness.cells")?.kind).toBe("completeness");
    expect(ruleOfFinding(layout, "narrative.required.s1.active")?.kind).toBe("narrativeRequired");
    expect(ruleOfFinding(layout, "cell.notInteger")?.kind).toBe("cellTypes");
    expect(ruleOfFinding(layout, "narrative.tableMismatch.requestsReceived")?.kind).toBe("narrativeFigure");
    for (const rule of [...engineRules, ...layout.rules]) expect(ruleOfFinding(layout, rule.id)?.id).toBe(rule.id);
  });
});

describe("groupFindings", () => {
  it("says what an empty report lacks in one line per step and kind, each opening at its first field", () => {
    const blank = normalizeReportData(layout, blankReportData(layout, "董封乡人民政府", 2024));
    const groups = groupFindings(layout, itemsOf(blank));
    const t3Cells = compiled.inputCells.filter((c) => c.tableId === "t3");
    const t3Rows = new Set(t3Cells.map((c) => `${c.gridId}.${c.row}`));
    expect(groups.map((g) => g.text)).toContain(`表三有 ${t3Rows.size} 行未填写（共 ${t3Cells.length} 格）`);
    const t3 = groups.find((g) => g.stepId === "t3")!;
    expect(t3.fieldId).toBe(t3Cells[0]!.id);
    const narrative = groups.find((g) => g.stepId === "s1")!;
    expect(narrative.text).toBe("一、总体情况有 5 部分未填写");
    expect(narrative.items).toHaveLength(5);
    // Every finding is in exactly one group.
    expect(groups.flatMap((g) => g.items).length).toBe(itemsOf(blank).length);
  });

  it("counts wrong totals as places, and puts refused entries in a group of their own", () => {
    const data = normalizeReportData(layout, seed002Corrected);
    const store = new IssueStore(layout);
    const wrong = { ...data, cells: { ...data.cells, "t4.review.total": 99, "t4.suitDirect.total": 7 } };
    store.setFindings(evaluateReport({ data: wrong, layout }), stepProgress(layout, wrong));
    store.setEntryError("t3.r1.natural", "“3.5”：请填写整数");
    const groups = groupFindings(layout, store.getAll());
    expect(groups.map((g) => g.text)).toEqual(
      expect.arrayContaining(["表三有 1 格填写的不是有效的数字", "表四有 2 处合计不符"]),
    );
  });
});
