"use client";
import { useCallback, useMemo, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { ActAuditQueue } from "@/lib/report-form/act-audit";
import { planFillZero } from "@/lib/report-form/fill-zero";
import { cellFieldName, type ReportFormValues } from "@/lib/report-form/form-values";
import type { IssueStore } from "@/lib/report-form/issue-store";
import type { PastePlan } from "@/lib/report-form/paste";
import { UndoStack, type FormAct } from "@/lib/report-form/undo-stack";
import type { Layout } from "@/lib/template";

/** What the last act or undo did, shown by the table step it concerns. */
export interface ActNotice {
  /** Table ids the notice belongs to (shown on each of their steps). */
  readonly tableIds: readonly string[];
  readonly text: string;
}

/** A paste that writes more than one row, waiting for the clerk's 确认粘贴. */
export interface PendingPaste {
  readonly gridId: string;
  readonly cellId: string;
  readonly plan: PastePlan;
}

/** Acts on many cells at once (paste, 本年度未发生), each undoable as one step. Stable for the form's life. */
export interface FormActs {
  readonly stack: UndoStack;
  /** Writes the plan's fills as one act (and shows the paste summary). */
  readonly applyPaste: (gridId: string, plan: PastePlan) => void;
  /** Asks the clerk first (the preview dialog). */
  readonly previewPaste: (pending: PendingPaste) => void;
  readonly cancelPaste: () => void;
  /** 本年度未发生 over the grids of `tableIds` (or one grid): every empty input cell becomes 0. */
  readonly fillZero: (scope: { readonly tableIds: readonly string[]; readonly gridIds: readonly string[] }) => void;
  /** Takes back the last act; false when there is none. */
  readonly undoLast: () => boolean;
}

export function useFormActs({
  form,
  layout,
  issues,
  onPasted,
  auditQueue,
}: {
  /** The wizard's form: the acts read and write its cells. */
  form: Pick<UseFormReturn<ReportFormValues>, "setValue" | "getValues">;
  layout: Layout;
  issues: IssueStore;
  onPasted: (gridId: string, plan: PastePlan) => void;
  auditQueue: ActAuditQueue;
}): { acts: FormActs; notice: ActNotice | null; pending: PendingPaste | null } {
  const { setValue, getValues } = form;
  const [stack] = useState(() => new UndoStack());
  const [notice, setNotice] = useState<ActNotice | null>(null);
  const [pending, setPending] = useState<PendingPaste | null>(null);

  const read = useCallback((cellId: string) => getValues(cellFieldName(cellId)) ?? null, [getValues]);
  const tablesOfGrid = useCallback(
    (gridId: string) =>
      layout.sections.filter((s) => s.kind === "table" && s.grids.some((g) => g.id === gridId)).map((s) => s.id),
    [layout],
  );

  const record = useCallback(
    (act: FormAct, tableIds: readonly string[]) => {
      for (const change of act.changes) {
        issues.setEntryError(change.cellId, null);
        setValue(cellFieldName(change.cellId), change.after);
      }
      stack.push(act);
      setNotice({ tableIds, text: act.description });
    },
    [issues, setValue, stack],
  );

  const applyPaste = useCallback(
    (gridId: string, plan: PastePlan) => {
      setPending(null);
      const changes = plan.fills.map((fill) => ({ cellId: fill.cellId, before: read(fill.cellId), after: fill.value }));
      record(
        { kind: "paste", scope: gridId, description: `已粘贴 ${plan.fills.length} 格`, changes },
        tablesOfGrid(gridId),
      );
      onPasted(gridId, plan);
    },
    [onPasted, read, record, tablesOfGrid],
  );

  const fillZero = useCallback(
    ({ tableIds, gridIds }: { readonly tableIds: readonly string[]; readonly gridIds: readonly string[] }) => {
      const changes = planFillZero(layout, gridIds, read, (cellId) => issues.hasEntryError(cellId));
      if (changes.length === 0) {
        setNotice({ tableIds, text: "没有空白格：已填写的格子保持不变" });
        return;
      }
      record(
        { kind: "fill-zero", scope: gridIds.join("+"), description: `已将 ${changes.length} 个空白格填为 0`, changes },
        tableIds,
      );
      auditQueue.add({ kind: "fillZero", tables: tableIds, cells: changes.length });
    },
    [auditQueue, issues, layout, read, record],
  );

  const undoLast = useCallback((): boolean => {
    const outcome = stack.undo(read);
    if (!outcome) return false;
    for (const { cellId, value } of outcome.restore) setValue(cellFieldName(cellId), value);
    const tableIds = layout.sections
      .filter((s) => s.kind === "table" && s.grids.some((g) => outcome.act.scope.split("+").includes(g.id)))
      .map((s) => s.id);
    const kept = outcome.kept.length > 0 ? `；其后改过的 ${outcome.kept.length} 格保持不变` : "";
    setNotice({ tableIds, text: `已撤销：${outcome.act.description}${kept}` });
    if (outcome.act.kind === "fill-zero")
      auditQueue.add({ kind: "undoFillZero", tables: tableIds, cells: outcome.restore.length });
    return true;
  }, [auditQueue, layout, read, setValue, stack]);

  const acts = useMemo<FormActs>(
    () => ({
      stack,
      applyPaste,
      previewPaste: setPending,
      cancelPaste: () => setPending(null),
      fillZero,
      undoLast,
    }),
    [applyPaste, fillZero, stack, undoLast],
  );
  return { acts, notice, pending };
}
