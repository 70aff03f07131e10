import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, ACTION_MALFORMED, ACTION_TOO_LARGE, refuseUnreadableAction } from "./action-request";

const actionId = `7f${"0123456789".repeat(4)}`;

function post(
  body: BodyInit | null,
  headers: Record<string, string> = {},
  options: { chunked?: boolean; path?: string } = {},
): Request {
  const stream =
    options.chunked && typeof body === "string"
      ? new ReadableStream<Uint8Array>({
          start(controller) {
            const bytes = new TextEncoder().encode(body);
            for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.slice(at, at + 64 * 1024));
            controller.close();
          },
        })
      : body;
  return new Request(`http://localhost${options.path ?? "/clerk/reports/1"}`, {
    method: "POST",
    headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", ...headers },
    body: stream,
    duplex: "half",
  } as RequestInit);
}

function multipart(fields: Record<string, string>): { body: string; contentType: string } {
  const boundary = "----nianbao";
  const body =
    Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join("") + `--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

const tooLarge = { status: 413, message: ACTION_TOO_LARGE };
const malformed = { status: 400, message: ACTION_MALFORMED };

describe("refuseUnreadableAction", () => {
  it("passes what the pages' scripts send: plain data, undefined fields, escaped dollars, a form", async () => {
    const save = JSON.stringify([
      { reportId: "r", narrative: { s1: "$$100 元" }, note: "$undefined", at: "$D2024-01-01" },
    ]);
    expect(await refuseUnreadableAction(post(save))).toBeNull();
    const signOut = multipart({ "0": '["$K1"]' });
    expect(await refuseUnreadableAction(post(signOut.body, { "content-type": signOut.contentType }))).toBeNull();
    const withPart = multipart({ "0": '["$1"]', "1": '{"a":1}' });
    expect(await refuseUnreadableAction(post(withPart.body, { "content-type": withPart.contentType }))).toBeNull();
  });

  it("leaves GETs and form posts without JavaScript to Next.js", async () => {
    expect(await refuseUnreadableAction(new Request("http://localhost/clerk"))).toBeNull();
    const form = multipart({ name: "张三" });
    const request = new Request("http://localhost/clerk", {
      method: "POST",
      headers: { "content-type": form.contentType },
      body: form.body,
    });
    expect(await refuseUnreadableAction(request)).toBeNull();
    const signOut = multipart({ [`$ACTION_ID_${actionId}`]: "" });
    const posted = new Request("http://localhost/clerk", {
      method: "POST",
      headers: { "content-type": signOut.contentType },
      body: signOut.body,
    });
    expect(await refuseUnreadableAction(posted)).toBeNull();
  });

  it("answers 400 for a form posted without JavaScript that names its action in a way the app never does", async () => {
    const forms: Record<string, string>[] = [
      { $ACTION_ID_zzz: "" },
      { $ACTION_REF_1: "", "$ACTION_1:0": `{"id":"${actionId}","bound":"$@1"}` },
      { $ACTION_KEY: "k" },
    ];
    for (const fields of forms) {
      const form = multipart(fields);
      const request = new Request("http://localhost/clerk", {
        method: "POST",
        headers: { "content-type": form.contentType },
        body: form.body,
      });
      expect(await refuseUnreadableAction(request)).toEqual(malformed);
    }
    const garbage = new Request("http://localhost/clerk", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=xx" },
      body: "--xx\r\ngarbage",
    });
    expect(await refuseUnreadableAction(garbage)).toEqual(malformed);
  });

  it("answers 413 above the cap, whether the length is declared or not", async () => {
    const padded = (bytes: number) => JSON.stringify([{ password: "x".repeat(bytes) }]);
    expect(await refuseUnreadableAction(post(padded(1.5 * 1024 * 1024)))).toEqual(tooLarge);
    expect(await refuseUnreadableAction(post(padded(20 * 1024 * 1024)))).toEqual(tooLarge);
    expect(await refuseUnreadableAction(post(padded(1.5 * 1024 * 1024), {}, { chunked: true }))).toEqual(tooLarge);
    expect(await refuseUnreadableAction(post(padded(ACTION_BODY_LIMIT_BYTES - 100), {}, { chunked: true }))).toBeNull();
    // Any POST to a page, not only one that names an action.
    const big = new Request("http://localhost/login", { method: "POST", body: "x".repeat(2 * 1024 * 1024) });
    expect(await refuseUnreadableAction(big)).toEqual(tooLarge);
  });

  it.each([
    ["text that is not JSON", "{{{not json"],
    ["an empty body", ""],
    ["JSON that is not an argument list", JSON.stringify("x")],
    ["JSON that is not an argument list", JSON.stringify({ a: 1 })],
    ["a reference to a part the body does not have", JSON.stringify(["$Q1"])],
    ["a reference to a part the body does not have", JSON.stringify([{ a: "$1:b" }])],
    ["a promise with nothing behind it", JSON.stringify(["$@2"])],
    ["a server function reference", JSON.stringify(["$h1"])],
    ["an opaque temporary reference", JSON.stringify(["$T"])],
    ["a bigint beyond React's limit", JSON.stringify([`$n${"9".repeat(301)}`])],
    ["deeply nested brackets", `${"[".repeat(200_000)}${"]".repeat(200_000)}`],
  ])("answers 400 for %s", async (_, body) => {
    expect(await refuseUnreadableAction(post(body))).toEqual(malformed);
  });

  it("answers 400 for multipart bodies the action cannot read", async () => {
    const garbage = "--xx\r\ngarbage";
    expect(await refuseUnreadableAction(post(garbage, { "content-type": "multipart/form-data; boundary=xx" }))).toEqual(
      malformed,
    );
    const cases: Record<string, string>[] = [
      { "1": "{}" },
      { "0": "not json" },
      { "0": "{}" },
      { "0": '["$2"]' },
      { "0": "[1]", "1": "{" },
    ];
    for (const fields of cases) {
      const form = multipart(fields);
      expect(await refuseUnreadableAction(post(form.body, { "content-type": form.contentType }))).toEqual(malformed);
    }
  });

  it("answers 400 for an action id of the wrong form", async () => {
    const body = JSON.stringify([{}]);
    for (const id of ["", "zzz", "x".repeat(42), `${actionId}0`, actionId.slice(1)])
      expect(await refuseUnreadableAction(post(body, { "next-action": id }))).toEqual(malformed);
  });
});
