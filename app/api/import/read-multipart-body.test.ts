import { describe, expect, it } from "vitest";
import { FORM_OVERHEAD_BYTES, readMultipartBody, uploadedFiles } from "./read-multipart-body";

function multipartRequest(form: FormData): Promise<Request> {
  const encoded = new Response(form);
  return encoded.arrayBuffer().then(
    (body) =>
      new Request("http://localhost/api/import/history", {
        method: "POST",
        body,
        headers: { "content-type": encoded.headers.get("content-type")! },
      }),
  );
}

describe("readMultipartBody", () => {
  it("returns the fields and files of a body within the cap", async () => {
    const form = new FormData();
    form.set("intent", "preview");
    form.append("files", new File(["一"], "a.txt"));
    form.append("files", new File(["二"], "b.html"));
    const parsed = await readMultipartBody(await multipartRequest(form), 1024 + FORM_OVERHEAD_BYTES);
    expect(parsed.get("intent")).toBe("preview");
    const files = await uploadedFiles(parsed, "files");
    expect(files.map((file) => [file.fileName, new TextDecoder().decode(file.bytes)])).toEqual([
      ["a.txt", "一"],
      ["b.html", "二"],
    ]);
  });

  it("refuses a declared length over the cap without reading the body", async () => {
    let isPulled = false;
    const body = new ReadableStream({ pull: () => void (isPulled = true) }, { highWaterMark: 0 });
    const request = new Request("http://localhost/x", {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": "999999" },
    } as RequestInit);
    await expect(readMultipartBody(request, 1000)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      userMessage: expect.stringMatching(/超过上限/),
    });
    expect(isPulled).toBe(false);
  });

  it("stops reading a body without a length as soon as it passes the cap", async () => {
    let chunksSent = 0;
    let isCancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunksSent += 1;
        controller.enqueue(new Uint8Array(400));
      },
      cancel: () => void (isCancelled = true),
    });
    const request = new Request("http://localhost/x", {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-type": "multipart/form-data; boundary=x" },
    } as RequestInit);
    await expect(readMultipartBody(request, 1000)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(isCancelled).toBe(true);
    expect(chunksSent).toBeLessThan(10);
  });

  it.each([
    ["not a multipart form", "application/json", "{}", "请通过页面上的表单上传文件。"],
    ["a multipart form that cannot be parsed", "multipart/form-data; boundary=zzz", "garbage", /无法解析/],
  ])("refuses a body that is %s", async (_name, contentType, body, message) => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      body,
      headers: { "content-type": contentType },
    });
    await expect(readMultipartBody(request, 1000)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      userMessage: typeof message === "string" ? message : expect.stringMatching(message),
    });
  });
});
