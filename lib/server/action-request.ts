/**
 * Server action requests Next.js cannot decode, answered in zh-CN before it tries (proxy.ts).
 *
 * A server action is a POST to a page's own URL: from the page's script with a `Next-Action`
 * header and the arguments encoded by React (a JSON text, or multipart form data whose
 * field "0" is the JSON root and whose other fields are the parts it refers to), or, without
 * JavaScript, a multipart form. Next.js reads and decodes that body before any action runs,
 * and answers anything it cannot read with a bare 500 (a body over
 * `experimental.serverActions.bodySizeLimit`, text that is not JSON, a reference to a part
 * that is not there, a form whose action cannot be found from its fields) or an English
 * text/plain line (an action id of the wrong form). So this answers those first: 413 for a
 * body over the cap, whatever its framing (counted as it is read, not only from
 * Content-Length); 400 for an action request whose body is not what the page sends.
 *
 * The app's actions take plain data (objects, strings, numbers, booleans, null, undefined)
 * or one FormData, so the React encoding they arrive in uses only literals, `$K` (the form
 * data) and references to parts present in the body; anything else is refused here.
 * Well-formed ids that name no action are left to Next.js (409 with the header its client
 * reads to reload after a new deployment).
 */

// Relative, not "@/…": next.config.ts loads this module before any path alias applies.
import { ACTION_MALFORMED, ACTION_TOO_LARGE } from "../errors/action-request-refusals";

export { ACTION_MALFORMED, ACTION_TOO_LARGE };

/** The cap on a server action's body; next.config.ts gives Next.js the same. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** Next.js action ids: two hex digits of flags, then a 40-digit hash. */
const actionIdPattern = /^[0-9a-f]{42}$/i;

/** Strings of the React encoding that stand for a value by themselves. */
const selfContained = /^\$(\$|u|H|N|I|-0$|-Infinity$|D|K[0-9a-f]+$|n-?\d{1,300}$)/;
/** Strings that refer to another part: `$1`, `$1:path`, `$@1` (a promise), `$Q1` (a map), `$W1` (a set). */
const partReference = /^\$[@QW]?([0-9a-f]+)(:|$)/;

type Refusal = { status: 400 | 413; message: string };

const malformed: Refusal = { status: 400, message: ACTION_MALFORMED };

/** The body, or null when it is longer than `limit` bytes (reading stops there). */
async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * How deep the app's arguments nest (a save: list → input → narrative → text is 4). React
 * revives the arguments recursively, so a megabyte of nested brackets would overflow its stack.
 */
const MAX_DEPTH = 32;

/** Whether `value` (one part, parsed) uses only the encoding the app's actions produce, with its references present. */
function usesKnownEncoding(value: unknown, parts: ReadonlySet<string>): boolean {
  // Iterative, for the same reason as MAX_DEPTH.
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value: current, depth } = item;
    if (typeof current === "string") {
      if (!current.startsWith("$") || selfContained.test(current)) continue;
      const reference = partReference.exec(current);
      if (!reference || !parts.has(String(parseInt(reference[1]!, 16)))) return false;
    } else if (current !== null && typeof current === "object") {
      if (depth >= MAX_DEPTH) return false;
      for (const child of Array.isArray(current) ? current : Object.values(current))
        pending.push({ value: child, depth: depth + 1 });
    }
  }
  return true;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Why the encoded arguments of an action request cannot be decoded; null when they can. */
async function encodingProblem(body: Uint8Array<ArrayBuffer>, contentType: string): Promise<Refusal | null> {
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    const root = parseJson(new TextDecoder().decode(body));
    return root.ok && Array.isArray(root.value) && usesKnownEncoding(root.value, new Set()) ? null : malformed;
  }
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    return malformed;
  }
  const parts = new Set<string>();
  const jsonParts: string[] = [];
  for (const [name, value] of form.entries()) {
    parts.add(name);
    if (/^\d+$/.test(name) && typeof value === "string") jsonParts.push(name);
  }
  if (typeof form.get("0") !== "string") return malformed;
  for (const name of jsonParts) {
    const part = parseJson(form.get(name) as string);
    if (!part.ok || (name === "0" && !Array.isArray(part.value)) || !usesKnownEncoding(part.value, parts))
      return malformed;
  }
  return null;
}

/**
 * Why a form posted without JavaScript cannot name its action; null when it can. Next.js
 * reads such a form as an action when it names one in a `$ACTION_…` field; the app's only
 * such form (signing out) names it by id (`$ACTION_ID_<id>`), never by a reference to bound
 * arguments (`$ACTION_REF_…`), whose decoding fails as a bare 500 when they are not there.
 */
async function formActionProblem(body: Uint8Array<ArrayBuffer>, contentType: string): Promise<Refusal | null> {
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    return malformed;
  }
  for (const name of form.keys()) {
    if (!name.startsWith("$ACTION_")) continue;
    const id = /^\$ACTION_ID_(.*)$/.exec(name)?.[1];
    if (id === undefined || !actionIdPattern.test(id)) return malformed;
  }
  return null;
}

/** What to answer instead of passing the request on to Next.js; null to pass it on. */
export async function refuseUnreadableAction(request: Request): Promise<Refusal | null> {
  if (request.method !== "POST") return null;
  // Pages take a POST only as a server action, so the cap holds for every POST that reaches one.
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > ACTION_BODY_LIMIT_BYTES)
    return { status: 413, message: ACTION_TOO_LARGE };
  const actionId = request.headers.get("next-action");
  if (actionId !== null && !actionIdPattern.test(actionId)) return malformed;
  let body: Uint8Array<ArrayBuffer> | null;
  try {
    body = await readBody(request, ACTION_BODY_LIMIT_BYTES);
  } catch {
    // The client broke off while sending: nothing to decode, and likely no one to answer.
    return malformed;
  }
  if (!body) return { status: 413, message: ACTION_TOO_LARGE };
  const contentType = request.headers.get("content-type") ?? "";
  if (actionId !== null) return encodingProblem(body, contentType);
  return /^multipart\/form-data\b/i.test(contentType) ? formActionProblem(body, contentType) : null;
}

/**
 * The refusal as a response. Next's client shows the text of a text/plain answer (the
 * content type exactly so) as the action's error, so a page's script gets the zh-CN line.
 */
export function actionRefusalResponse(refusal: Refusal, request: Request): Response {
  const isFromScript = request.headers.has("next-action");
  return new Response(refusal.message, {
    status: refusal.status,
    headers: {
      "Content-Type": isFromScript ? "text/plain" : "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
