"use client";
import { useMemo, useState } from "react";
import { carryOverSources, planCarryOver, type CarryOverPlan } from "@/lib/report-form/carry-over";
import { cellFieldName, toReportData } from "@/lib/report-form/form-values";
import type { ReportData } from "@/lib/report-data";
import { useWizard } from "./wizard-context";

/**
 * Starting from last year's report: what the layout's cross-year rules carry over, said in
 * the template's own words, and a button that fills the empty cells (lib/report-form/carry-over.ts);
 * afterwards, what was filled and which entered figures differ from last year's.
 */
export function CarryOverPanel({ previousYear, openedWith }: { previousYear: ReportData; openedWith: ReportData }) {
  const { layout, meta, getValues, setValue, issues } = useWizard();
  const offered = useMemo(() => planCarryOver(layout, openedWith, previousYear), [layout, openedWith, previousYear]);
  const [applied, setApplied] = useState<CarryOverPlan | null>(null);
  if (offered.cells.length === 0 && !applied) return null;

  const apply = () => {
    const plan = planCarryOver(layout, toReportData(layout, getValues(), meta), previousYear);
    for (const cell of plan.cells) {
      issues.setEntryError(cell.cellId, null);
      setValue(cellFieldName(cell.cellId), cell.value);
    }
    setApplied(plan);
  };
  const carried = carryOverSources(layout)
    .map(({ lastYear, thisYear }) =>
      lastYear === thisYear ? `“${lastYear}”可作为本年的起点` : `上年度的“${lastYear}”可作为本年“${thisYear}”`,
    )
    .join("，");

  return (
    <section className="notice" aria-labelledby="carry-over-title" data-testid="carry-over">
      <h2 id="carry-over-title" className="notice__title">
        从 {meta.year - 1} 年度报告带入
      </h2>
      {applied ? (
        <p role="status">
          已带入 {applied.cells.length} 项：
          {applied.cells.map((cell) => `${cell.label} ${cell.value}`).join("；") || "无"}。
          {applied.differences.length > 0 &&
            ` 以下已填写的数字与上年不同，未改动，请核对：${applied.differences.map((d) => `${d.label}（本年 ${d.current}，上年 ${d.lastYear}）`).join("；")}。`}
        </p>
      ) : (
        <>
          <p>{carried}；各部分文字可在相应步骤中参考上年内容。只填入空白的格子。</p>
          <button type="button" className="button button--secondary" onClick={apply}>
            带入上年数据
          </button>
        </>
      )}
    </section>
  );
}
