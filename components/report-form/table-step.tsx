"use client";
import { noteRender } from "@/lib/report-form/render-probe";
import { gridViewsOf } from "@/lib/report-form/grid-views";
import type { PastePlan } from "@/lib/report-form/paste";
import type { TableSection } from "@/lib/template";
import { CommentNotes } from "./comment-notes";
import { ErrorSummary } from "./error-summary";
import { GridTable } from "./grid-table";
import { useWizard } from "./wizard-context";

function PasteSummary({ plan }: { plan: PastePlan }) {
  const parts = [`已填入 ${plan.fills.length} 格`];
  if (plan.totalsSkipped > 0) parts.push(`${plan.totalsSkipped} 个合计值未写入（由系统自动计算）`);
  if (plan.outside > 0) parts.push(`${plan.outside} 个值超出表格范围，未填入`);
  return (
    <div
      className={
        plan.refused.length > 0 || plan.totalMismatches.length > 0 ? "notice notice--warning" : "notice notice--success"
      }
      role="status"
      data-testid="paste-summary"
    >
      <p>粘贴结果：{parts.join("；")}。</p>
      {plan.refused.length > 0 && (
        <>
          <p>以下 {plan.refused.length} 格未填入：</p>
          <ul>
            {plan.refused.map((refusal) => (
              <li key={refusal.cellId}>
                {refusal.label}：{refusal.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.totalMismatches.length > 0 && (
        <>
          <p>粘贴的合计与自动计算的合计不一致，请核对：</p>
          <ul>
            {plan.totalMismatches.map((m) => (
              <li key={m.cellId}>
                {m.label}：粘贴的是 {m.pasted}，按各项计算为 {m.computed ?? "（空）"}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** A table step: the step's problems, then each grid of the section drawn by the one grid component. */
export function TableStep({
  section,
  pasteResults,
}: {
  section: TableSection;
  pasteResults: ReadonlyMap<string, PastePlan>;
}) {
  noteRender("TableStep");
  const { layout, comments } = useWizard();
  const grids = gridViewsOf(layout, section.id);
  return (
    <div className="table-step">
      <CommentNotes comments={comments.bySection.get(section.id)} />
      <ErrorSummary stepId={section.id} />
      <p className="field__hint">
        可直接输入数字（全角数字、千分位逗号均可），按 Tab、回车或方向键在格子间移动；可从 Excel、WPS
        表格复制一块数据，在起始格子中粘贴。合计由系统自动计算。
      </p>
      {grids.map((grid) => (
        <div key={grid.id} className="form-grid__block">
          {pasteResults.get(grid.id) && <PasteSummary plan={pasteResults.get(grid.id)!} />}
          <GridTable tableId={section.id} grid={grid} />
        </div>
      ))}
    </div>
  );
}
