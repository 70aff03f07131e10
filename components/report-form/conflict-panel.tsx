"use client";
import { useState, useSyncExternalStore } from "react";
import {
  applyMergeChoices,
  mergeKey,
  mergeReportData,
  type MergeConflict,
  type MergeSide,
  type ServerCopy,
} from "@/lib/report-data";
import { formatCellInput } from "@/lib/report-form/cell-input";
import type { DraftSaver } from "@/lib/report-form/draft-saver";
import { toReportData } from "@/lib/report-form/form-values";
import { toDraftPayload } from "@/lib/report-form/merge-server-copy";
import { noteRender } from "@/lib/report-form/render-probe";
import { useWizard } from "./wizard-context";
import { TableHead } from "@/components/ui/table-head";

const shorten = (text: string): string => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

/** A side of a conflict as the clerk would read it: the figure as typed, or the text ('' = empty). */
const sideText = (conflict: MergeConflict, side: "mine" | "theirs"): string =>
  conflict.kind === "cell" ? formatCellInput(conflict[side]) : conflict[side];

/**
 * A newer version saved elsewhere (another tab, a colleague) that the autosave could not
 * merge by itself (lib/report-form/draft-saver.ts): the fields both sides changed
 * differently are asked about one by one, mine or theirs; everything else is merged
 * already. The last answer puts the result into the form and saves it on the server's
 * version. After an automatic merge, a short notice says how much was taken over.
 */
export function ConflictPanel({ saver }: { saver: DraftSaver<ServerCopy> }) {
  noteRender("ConflictPanel");
  const state = useSyncExternalStore(saver.subscribe, saver.getState, saver.getState);
  if (state.status === "conflict" && state.conflict)
    return (
      <ConflictQuestions
        // A newer server copy starts the questions again.
        key={state.conflict.version}
        saver={saver}
        server={state.conflict}
        message={state.message}
      />
    );
  if (state.mergedChanges > 0)
    return (
      <p className="notice" role="status" data-testid="merge-notice">
        已合并另一窗口的修改（{state.mergedChanges} 处）。
      </p>
    );
  return null;
}

function ConflictQuestions({
  saver,
  server,
  message,
}: {
  saver: DraftSaver<ServerCopy>;
  server: ServerCopy;
  message: string | null;
}) {
  const { layout, meta, getValues } = useWizard();
  const [choices, setChoices] = useState<ReadonlyMap<string, MergeSide>>(new Map());
  const [isBusy, setIsBusy] = useState(false);
  // Merged afresh at each render, so what was typed while the questions are open counts as mine.
  const mergeNow = () => mergeReportData(layout, saver.getBase(), toReportData(layout, getValues(), meta), server.data);
  const merge = mergeNow();
  const open = merge.conflicts.filter((conflict) => !choices.has(mergeKey(conflict)));
  const question = open[0];

  const answer = async (conflict: MergeConflict, side: MergeSide) => {
    const next = new Map(choices).set(mergeKey(conflict), side);
    const latest = mergeNow();
    if (latest.conflicts.some((c) => !next.has(mergeKey(c)))) {
      setChoices(next);
      return;
    }
    setIsBusy(true);
    try {
      await saver.resolve(server.version, toDraftPayload(layout, server.data), applyMergeChoices(layout, latest, next));
    } finally {
      setIsBusy(false);
    }
  };

  if (!question) return null;
  const answered = merge.conflicts.length - open.length;
  return (
    <section className="error-summary conflict" aria-labelledby="conflict-title" data-testid="conflict">
      <h2 id="conflict-title" className="error-summary__title">
        报告已在别处修改（如另一个标签页或同事），有 {merge.conflicts.length} 处两边改得不一样，请逐处选择
      </h2>
      {message && <p>{message}</p>}
      <p>
        服务器上的版本保存于 {new Date(server.updatedAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}。
        {merge.fromTheirs.length > 0 && `只在那边修改的 ${merge.fromTheirs.length} 处将一并合并，`}
        只在本页修改的内容都会保留；全部选择后自动保存。
      </p>
      <p data-testid="conflict-progress">
        第 {answered + 1} 处，共 {merge.conflicts.length} 处：<strong>{question.label}</strong>
      </p>
      <div className="form-grid__scroll">
        <table className="table conflict__table">
          <caption className="visually-hidden">{question.label}的两种内容</caption>
          <TableHead columns={["您的内容（本页）", "已保存的内容（服务器）"]} />
          <tbody>
            <tr>
              {(["mine", "theirs"] as const).map((side) => {
                const text = sideText(question, side);
                return <td key={side}>{text === "" ? <span className="muted">（空）</span> : shorten(text)}</td>;
              })}
            </tr>
          </tbody>
        </table>
      </div>
      <p>
        <button type="button" className="button" disabled={isBusy} onClick={() => answer(question, "mine")}>
          保留我的内容
        </button>{" "}
        <button
          type="button"
          className="button button--secondary"
          disabled={isBusy}
          onClick={() => answer(question, "theirs")}
        >
          采用已保存的内容
        </button>
      </p>
    </section>
  );
}
