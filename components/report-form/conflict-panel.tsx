"use client";
import { useState, useSyncExternalStore } from "react";
import { diffReportData, type ReportChange, type ReportData, type ServerCopy } from "@/lib/report-data";
import { formatCellInput } from "@/lib/report-form/cell-input";
import type { DraftSaver } from "@/lib/report-form/draft-saver";
import { toReportData } from "@/lib/report-form/form-values";
import { noteRender } from "@/lib/report-form/render-probe";
import { useWizard } from "./wizard-context";
import { TableHead } from "@/components/ui/table-head";

const shorten = (text: string): string => (text.length > 120 ? `${text.slice(0, 120)}…` : text);

/** A side of a change as the clerk would read it: the figure as typed, or the text ('' = empty). */
const sideText = (change: ReportChange, side: "before" | "after"): string =>
  change.kind === "cell" ? formatCellInput(change[side]) : change[side];

/**
 * Two versions side by side (what differs), and the clerk's choice: keep theirs and save
 * it over the server's version, or take the server's into the form. Nothing is
 * overwritten unasked.
 */
export function ConflictPanel({
  saver,
  replaceValues,
}: {
  saver: DraftSaver<ServerCopy>;
  /** Puts the server's copy into the form without saving it. */
  replaceValues: (data: ReportData) => void;
}) {
  noteRender("ConflictPanel");
  const { layout, meta, getValues } = useWizard();
  const state = useSyncExternalStore(saver.subscribe, saver.getState, saver.getState);
  const [isBusy, setIsBusy] = useState(false);
  if (state.status !== "conflict" || !state.conflict) return null;
  const server = state.conflict;
  const message = state.message;
  // Totals are left out: they follow from the cells that differ.
  const differences = diffReportData(layout, toReportData(layout, getValues(), meta), server.data).filter(
    (change) => change.kind === "narrative" || !change.isComputed,
  );
  const choose = async (keepMine: boolean) => {
    setIsBusy(true);
    try {
      if (!keepMine) replaceValues(server.data);
      await saver.resolve(server.version, keepMine);
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <section className="error-summary conflict" aria-labelledby="conflict-title" data-testid="conflict">
      <h2 id="conflict-title" className="error-summary__title">
        报告已在别处修改（如另一个标签页或同事），您的修改尚未保存
      </h2>
      <p>{message}</p>
      <p>
        服务器上的版本保存于 {new Date(server.updatedAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}。两者有{" "}
        {differences.length} 处不同：
      </p>
      <div className="form-grid__scroll">
        <table className="table conflict__table">
          <caption className="visually-hidden">两个版本的不同之处</caption>
          <TableHead columns={["位置", "您的内容（本页）", "已保存的内容（服务器）"]} />
          <tbody>
            {differences.map((change) => (
              <tr key={change.id}>
                <th scope="row">{change.label}</th>
                {(["before", "after"] as const).map((side) => {
                  const text = sideText(change, side);
                  return <td key={side}>{text === "" ? <span className="muted">（空）</span> : shorten(text)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <button type="button" className="button" disabled={isBusy} onClick={() => choose(true)}>
          保留我的内容
        </button>{" "}
        <button type="button" className="button button--secondary" disabled={isBusy} onClick={() => choose(false)}>
          采用已保存的内容
        </button>
      </p>
    </section>
  );
}
