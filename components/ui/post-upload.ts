/** What a route handler of the app answers when it refuses: a zh-CN message to show. */
type Refusal = { error?: { message?: string } };

/**
 * Posts an upload to one of the app's route handlers and reads its JSON answer. A refusal
 * comes back as the route's message (`failed` when it gave none); a request that got no
 * answer at all as `offline`, which says what the user should check before trying again
 * (the upload may or may not have been stored).
 */
export async function postUpload<T extends object>(
  url: string,
  body: FormData,
  messages: { failed: string; offline: string },
): Promise<{ ok: true; answer: T } | { ok: false; message: string }> {
  try {
    const response = await fetch(url, { method: "POST", body });
    const answer = (await response.json().catch(() => null)) as (T & Refusal) | null;
    if (!response.ok || !answer || answer.error)
      return { ok: false, message: answer?.error?.message || messages.failed };
    return { ok: true, answer };
  } catch {
    return { ok: false, message: messages.offline };
  }
}
