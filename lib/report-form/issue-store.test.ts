import { describe, expect, it, vi } from "vitest";
import { seed002Corrected } from "@/fixtures";
import { evaluateReport } from "@/lib/rules";
import type { ReportData } from "@/lib/report-data";
import { getLayout } from "@/lib/template";
import { normalizeReportData } from "./form-values";
import { IssueStore } from "./issue-store";
import { stepOfField, stepProgress, wizardSteps } from "./steps";

const layout = getLayout("gov-2021");

function storeFor(data: ReportData) {
  const store = new IssueStore(layout);
  store.setFindings(evaluateReport({ data, layout }), stepProgress(layout, data));
  return store;
}

const blank = normalizeReportData(layout, {
  cells: {},
  narrative: {},
  meta: { organizationName: "董封乡人民政府", year: 2024 },
});

describe("wizard steps", () => {
  it("follow the template sections, then the check", () => {
    expect(wizardSteps(layout).map((s) => s.title)).toEqual([
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
      "检查并提交",
    ]);
  });

  it("map every field to the step that shows it", () => {
    expect(stepOfField(layout, "t3.r3_7.total")).toBe("t3");
    expect(stepOfField(layout, "t2.fees.amount")).toBe("t2");
    expect(stepOfField(layout, "preamble")).toBe("s1");
    expect(stepOfField(layout, "s1.platform")).toBe("s1");
    expect(stepOfField(layout, "meta.periodStart")).toBe("s1");
    expect(stepOfField(layout, "s6")).toBe("s6");
    expect(stepOfField(layout, "nonsense")).toBe("check");
  });

  it("count progress per step", () => {
    const progress = stepProgress(layout, seed002Corrected);
    expect(progress.get("t3")).toEqual({ filled: 24 * 6, total: 24 * 6 });
    expect(progress.get("s1")).toEqual({ filled: 5, total: 5 });
    expect(stepProgress(layout, blank).get("t4")).toEqual({ filled: 0, total: 12 });
  });
});

describe("IssueStore", () => {
  it('hides "fill this in" until the step is left, then shows it at the first missing cell', () => {
    const store = storeFor(blank);
    expect(store.getSummary("t3")).toEqual([]);
    expect(store.getStatus("t3")).toBe("notStarted");
    store.reveal("t3");
    const summary = store.getSummary("t3");
    expect(summary.length).toBeGreaterThan(0);
    expect(summary[0]?.fieldId).toBe("t3.r1.natural");
    expect(store.getFieldIssue("t3.r1.natural")?.message).toContain("请填写");
    expect(store.getSummary("t4")).toEqual([]);
    store.revealAll();
    expect(store.getSummary("t4")).toHaveLength(1);
  });

  it("shows arithmetic findings live at their first cell, errors before warnings", () => {
    const data = { ...seed002Corrected, cells: { ...seed002Corrected.cells, "t3.r4.natural": 2, "t3.r4.total": 2 } };
    const store = storeFor(data);
    const summary = store.getSummary("t3");
    expect(summary.map((s) => s.finding?.ruleId)).toEqual(["t3.balance", "t3.balance"]);
    expect(summary[0]?.fieldId).toBe("t3.r3_7.natural");
    expect(store.getFieldIssue("t3.r3_7.natural")?.severity).toBe("error");
    expect(store.getStatus("t3")).toBe("hasErrors");
    expect(store.getStatus("t4")).toBe("complete");
  });

  it("keeps object identity for unchanged issues and notifies only on change", () => {
    const store = storeFor(blank);
    store.reveal("t3");
    const listener = vi.fn();
    store.subscribe(listener);
    const issue = store.getFieldIssue("t3.r1.natural");
    const summary = store.getSummary("t3");
    store.setFindings(evaluateReport({ data: blank, layout }), stepProgress(layout, blank));
    expect(listener).not.toHaveBeenCalled();
    expect(store.getFieldIssue("t3.r1.natural")).toBe(issue);
    expect(store.getSummary("t3")).toBe(summary);
  });

  it("puts a refused entry first, in the cell and in the summary with the cell named", () => {
    const store = storeFor(seed002Corrected);
    store.setEntryError("t3.r1.natural", "“3a”不是数字：请只填写数字（如 35）");
    expect(store.getFieldIssue("t3.r1.natural")?.message).toBe("“3a”不是数字：请只填写数字（如 35）");
    expect(store.getSummary("t3")[0]?.message).toBe(
      "一、本年新收政府信息公开申请数量·自然人：“3a”不是数字：请只填写数字（如 35）",
    );
    expect(store.getStatus("t3")).toBe("hasErrors");
    store.setEntryError("t3.r1.natural", null);
    expect(store.getSummary("t3")).toEqual([]);
    expect(store.getStatus("t3")).toBe("complete");
  });

  it("drops every refused entry at once when the form's values are replaced, notifying once", () => {
    const store = storeFor(seed002Corrected);
    store.setEntryError("t3.r1.natural", "“3a”不是数字：请只填写数字（如 35）");
    store.setEntryError("t2.rules.issued", "“两”不是数字：请只填写数字（如 35）");
    const listener = vi.fn();
    store.subscribe(listener);
    store.clearEntryErrors();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.hasEntryError("t3.r1.natural")).toBe(false);
    expect(store.getFieldIssue("t2.rules.issued")).toBeUndefined();
    expect(store.getAll()).toEqual([]);
    store.clearEntryErrors();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe("entries a live total waits for", () => {
  it("are the refused and the unfinished ones, until the cell holds a figure again", () => {
    const store = new IssueStore(layout);
    const listener = vi.fn();
    store.subscribe(listener);
    const ids = ["t3.r1.natural", "t3.r1.business", "t3.r1.research"];
    expect(store.firstUnsettledEntry(ids)).toBe(-1);
    store.setEntryUnfinished("t3.r1.research");
    expect(store.firstUnsettledEntry(ids)).toBe(2);
    expect(listener).toHaveBeenCalled();
    store.setEntryError("t3.r1.business", "“3.5”：请填写整数");
    expect(store.firstUnsettledEntry(ids)).toBe(1);
    store.setEntryError("t3.r1.business", null);
    store.setEntryError("t3.r1.research", null);
    expect(store.firstUnsettledEntry(ids)).toBe(-1);
    store.setEntryUnfinished("t3.r1.natural");
    store.clearEntryErrors();
    expect(store.firstUnsettledEntry(ids)).toBe(-1);
  });
});

describe("a figure in a text against a table", () => {
  it("is shown under the part where it is written, on that step and on the table's, and listed once in the check", () => {
    const data = normalizeReportData(layout, {
      ...seed002Corrected,
      narrative: { ...seed002Corrected.narrative, "s1.onRequest": "全年共收到依申请公开30件。" },
    });
    const store = storeFor(data);
    const under = store.getFieldIssue("s1.onRequest");
    expect(under?.severity).toBe("warning");
    expect(under?.message).toContain("“（二）依申请公开”中写明收到政府信息公开申请 30 件");
    expect(under?.message).toContain("一、本年新收政府信息公开申请数量·总计");
    expect(store.getFieldIssue("t3.r1.total")?.message).toBe(under?.message);
    const onStep = store.getSummary("s1").filter((item) => item.message === under?.message);
    expect(onStep.map((item) => item.fieldId)).toEqual(["s1.onRequest"]);
    expect(store.getSummary("t3").filter((item) => item.message === under?.message)).toHaveLength(1);
    expect(store.getAll().filter((item) => item.message === under?.message)).toHaveLength(1);
  });
});
