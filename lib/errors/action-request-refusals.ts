/**
 * The lines proxy.ts answers a server action request with when Next.js could not read it
 * (lib/server/action-request.ts). Universal: a page's script receives them as the text of
 * the action's error (Next's client throws an Error with a text/plain answer's text) and
 * must tell them from a broken connection, since a refused request will not pass by retrying.
 */
export const ACTION_TOO_LARGE = "提交的内容过大（超过 1 MB），未保存。请删减后重试。";
export const ACTION_MALFORMED = "请求的格式不正确，未处理。请刷新页面后重试。";

const refusals: readonly string[] = [ACTION_TOO_LARGE, ACTION_MALFORMED];

/** The proxy's refusal an action call was rejected with; null for anything else (the network, most often). */
export function actionRequestRefusal(error: unknown): string | null {
  return error instanceof Error && refusals.includes(error.message) ? error.message : null;
}
