/**
 * A draft save's answer from the server action, as the draft saver acts on it: stored;
 * a conflict with the server's copy to compare; try again (the network, the server or the
 * database is down, or the session ran out while the page keeps the work); refused for good.
 */
import type { ActionResult } from "@/lib/errors/action-result";
import type { SavedDraft, ServerCopy } from "@/lib/report-data";
import type { SaveOutcome } from "./draft-saver";

export const SESSION_EXPIRED_MESSAGE = "登录已过期：请在新标签页重新登录，本页内容会自动保存";

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
