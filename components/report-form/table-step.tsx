"use client";
import { useSyncExternalStore, type KeyboardEvent } from "react";
import { gridsOfScope } from "@/lib/report-form/fill-zero";
import { noteRender } from "@/lib/report-form/render-probe";
import { gridViewsOf } from "@/lib/report-form/grid-views";
import type { PastePlan } from "@/lib/report-form/paste";
import type { Layout, TableSection } from "@/lib/template";
import { CommentNotes } from "./comment-notes";
import { ErrorSummary } from "./error-summary";
import { GridTable } from "./grid-table";
import { isUndoKey } from "./number-cell";
import type { ActNotice } from "./use-form-acts";
import { useWizard } from "./wizard-context";

/** The last act's notice (已将 N 个空白格填为 0, 已撤销…) and the 撤销 button for the last act. */
function ActBar({ notice }: { notice: ActNotice | null }) {
  const { acts } = useWizard();
  const last = useSyncExternalStore(acts.stack.subscribe, acts.stack.last, () => null);
  if (!notice && !last) return null;
  return (
    <div className="form-acts__bar">
      {notice && (
        <p className="notice" role="status" data-testid="act-notice">
          {notice.text}
        </p>
      )}
      {last && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => acts.undoLast()}
          aria-keyshortcuts="Control+Z"
          data-testid="undo-act"
        >
          撤销{last.kind === "paste" ? "粘贴" : "填 0"}（{last.description}）
        </button>
      )}
    </div>
  );
}

/** The tables stated together as 本年度未发生 with this one (the layout names them), or none. */
function commonlyEmptyWith(layout: Layout, section: TableSection): readonly TableSection[] {
  const ids = layout.commonlyEmptyTables ?? [];
  if (ids.length < 2 || !ids.includes(section.id)) return [];
  return layout.sections.filter((s): s is TableSection => s.kind === "table" && ids.includes(s.id));
}

/**
 * 本年度未发生 for the table, for the tables the layout groups with it, and (in a table of
 * several grids) for each grid: one act that fills every empty input cell with 0.
 */
function FillZeroButtons({ section }: { section: TableSection }) {
  const { layout, acts } = useWizard();
  const together = commonlyEmptyWith(layout, section);
  const fill = (tables: readonly TableSection[]): void =>
    acts.fillZero({
      tableIds: tables.map((t) => t.id),
      gridIds: tables.flatMap((t) => gridsOfScope(layout, t.id)),
    });
  return (
    <div className="form-acts__fill">
      <button
        type="button"
        className="button button--secondary"
        onClick={() => fill([section])}
        data-testid="fill-zero-table"
      >
        本表本年度未发生（空白格填 0）
      </button>
      {together.length > 0 && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => fill(together)}
          data-testid="fill-zero-group"
        >
          表{together.map((t) => t.number).join("、")}均本年度未发生（空白格填 0）
        </button>
      )}
      <span className="field__hint">只填空白格；已填写的格子保持不变，可撤销。</span>
    </div>
  );
}

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
  actNotice,
}: {
  section: TableSection;
  pasteResults: ReadonlyMap<string, PastePlan>;
  actNotice: ActNotice | null;
}) {
  noteRender("TableStep");
  const { layout, comments, acts } = useWizard();
  const grids = gridViewsOf(layout, section.id);
  // Ctrl+Z outside a cell (after clicking 本年度未发生, say); cells decide for themselves (number-cell.tsx).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!isUndoKey(event) || event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)
      return;
    if (acts.undoLast()) event.preventDefault();
  };
  return (
    <div className="table-step" onKeyDown={onKeyDown}>
      <CommentNotes comments={comments.bySection.get(section.id)} />
      <ErrorSummary stepId={section.id} />
      <p className="field__hint">
        可直接输入数字（全角数字、千分位逗号均可），按 Tab、回车或方向键在格子间移动；可从 Excel、WPS
        表格复制一块数据，在起始格子中粘贴；连同行名一起复制的，按行名填入对应的行。合计由系统自动计算。按 Ctrl+Z
        撤销上一次粘贴或填 0。
      </p>
      <FillZeroButtons section={section} />
      <ActBar notice={actNotice && actNotice.tableIds.includes(section.id) ? actNotice : null} />
      {grids.map((grid) => (
        <div key={grid.id} className="form-grid__block">
          {grids.length > 1 && (
            <button
              type="button"
              className="link-button"
              onClick={() => acts.fillZero({ tableIds: [section.id], gridIds: [grid.id] })}
              data-testid="fill-zero-grid"
            >
              {grid.caption}：本年度未发生（空白格填 0）
            </button>
          )}
          {pasteResults.get(grid.id) && <PasteSummary plan={pasteResults.get(grid.id)!} />}
          <GridTable tableId={section.id} grid={grid} />
        </div>
      ))}
    </div>
  );
}
