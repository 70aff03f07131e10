"use client";
import { useState } from "react";
import { planSummaryFill, type WizardCountySummary } from "@/lib/report-form/county-summary-fill";
import { cellFieldName } from "@/lib/report-form/form-values";
import { useWizard } from "./wizard-context";

/**
 * 全县 mode: the county government's tables are the sum of its units' reports. Says how many
 * units the sums hold and which are missing, and fills the tables from the summary; each
 * cell then names its sources (title), and a figure that differs from the sum is a warning.
 */
export function CountySummaryPanel({ summary }: { summary: WizardCountySummary }) {
  const { layout, setValue, issues } = useWizard();
  const [filled, setFilled] = useState<number | null>(null);
  const fill = () => {
    const plan = planSummaryFill(layout, summary.data);
    for (const cell of plan) {
      issues.setEntryError(cell.cellId, null);
      setValue(cellFieldName(cell.cellId), cell.value);
    }
    setFilled(plan.length);
  };
  return (
    <section className="notice" aria-labelledby="county-summary-title" data-testid="county-summary-panel">
      <h2 id="county-summary-title" className="notice__title">
        全县汇总
      </h2>
      <p>
        本县按“全县”方式填报：表二、表三、表四应为各单位已审核、已发布报告之和（已汇总 {summary.includedCount}{" "}
        个单位）。将鼠标移到格子上可看到数字的来源；与汇总数不同的数字会提示。
      </p>
      {summary.excludedNames.length > 0 && (
        <p data-testid="county-summary-excluded">
          尚未纳入汇总：{summary.excludedNames.join("、")}。这些单位的报告审核通过后，汇总数会变化。
        </p>
      )}
      {filled === null ? (
        <button type="button" className="button button--secondary" onClick={fill}>
          按全县汇总填入表格
        </button>
      ) : (
        <p role="status">已按全县汇总填入 {filled} 项。</p>
      )}
    </section>
  );
}
