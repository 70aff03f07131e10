"use client";
import { useSyncExternalStore } from "react";
import type { DraftSaver } from "@/lib/report-form/draft-saver";
import { noteRender } from "@/lib/report-form/render-probe";
import type { ServerCopy } from "@/lib/report-data";

function time(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ""
    : date.toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Shanghai" });
}

/** A message as a clause inside the status: its closing punctuation dropped, the status adds its own. */
function clause(message: string): string {
  return message.replace(/[。；，！.;,!\s]+$/u, "");
}

/**
 * 已保存 HH:MM / 保存中… / 未保存，重试中 / 冲突 / 未保存：why: always visible, announced
 * politely. A refusal says what to change; the next edit is saved as usual (DraftSaver).
 */
export function SaveStatus({ saver }: { saver: DraftSaver<ServerCopy> }) {
  noteRender("SaveStatus");
  const state = useSyncExternalStore(saver.subscribe, saver.getState, saver.getState);
  const onRetry = () => saver.retryNow();
  const text =
    state.status === "saved"
      ? `已保存${state.savedAt ? ` ${time(state.savedAt)}` : ""}`
      : state.status === "dirty"
        ? "有未保存的修改，稍后自动保存"
        : state.status === "saving"
          ? "保存中…"
          : state.status === "retrying"
            ? "未保存，重试中"
            : state.status === "conflict"
              ? "未保存：报告已在别处修改，两边改得不一样的地方请逐处选择"
              : "未保存";
  return (
    <p
      className={`save-status save-status--${state.status}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-status={state.status}
    >
      {text}
      {state.status === "retrying" && (
        <>
          {state.message ? `（${clause(state.message)}；内容已保存在本浏览器中）` : "（内容已保存在本浏览器中）"}{" "}
          <button type="button" className="link-button" onClick={onRetry}>
            立即重试
          </button>
        </>
      )}
      {state.status === "refused" &&
        (state.message ? `：${clause(state.message)}（内容已保存在本浏览器中）` : "（内容已保存在本浏览器中）")}
    </p>
  );
}
