/**
 * A draft save's answer from the server action, as the draft saver acts on it: stored;
 * a conflict with the server's copy to compare; try again (the network, the server or the
 * database is down, or the session ran out while the page keeps the work); refused for good.
 */
import { actionRequestRefusal } from "@/lib/errors/action-request-refusals";
import type { ActionResult } from "@/lib/errors/action-result";
import type { SavedDraft, ServerCopy } from "@/lib/report-data";
import type { SaveOutcome } from "./draft-saver";

export const SESSION_EXPIRED_MESSAGE = "登录已过期：请在新标签页重新登录，本页内容会自动保存";
export const NETWORK_DOWN_MESSAGE = "网络连接中断";
export const PAGE_OUTDATED_MESSAGE = "系统已更新，请刷新页面后继续";

export function toSaveOutcome(result: ActionResult<SavedDraft>): SaveOutcome<ServerCopy> {
  if (result.ok) return { ok: true, ...result.data };
  // save-draft.ts sends its ServerCopy as the details of a CONFLICT.
  if (result.code === "CONFLICT" && result.details)
    return { ok: false, kind: "conflict", conflict: result.details as ServerCopy, message: result.message };
  if (result.code === "UNAVAILABLE" || result.code === "INTERNAL")
    return { ok: false, kind: "retry", message: result.message };
  if (result.code === "UNAUTHENTICATED") return { ok: false, kind: "retry", message: SESSION_EXPIRED_MESSAGE };
  return { ok: false, kind: "refused", message: result.message };
}

/**
 * A save whose call was rejected instead of answered: the request the proxy refused (too
 * large, malformed: sending it again changes nothing, so it is shown as a refusal), a page
 * older than the running version (Next's client names the action it no longer knows), or
 * the network (try again).
 */
export function toSaveOutcomeOfError(error: unknown): SaveOutcome<ServerCopy> {
  const refusal = actionRequestRefusal(error);
  if (refusal) return { ok: false, kind: "refused", message: refusal };
  if (error instanceof Error && error.name === "UnrecognizedActionError")
    return { ok: false, kind: "refused", message: PAGE_OUTDATED_MESSAGE };
  return { ok: false, kind: "retry", message: NETWORK_DOWN_MESSAGE };
}
