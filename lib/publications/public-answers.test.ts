// The kept public answers on a real Node HTTP server (the step scripts/serve-app.mjs takes
// before Next.js): what is kept is answered with the security headers and validators, a
// matching ETag gets 304, nothing is kept for another spelling of the path or from before a
// change, publicSiteChanged forgets everything and tells the other instances, and the bound
// holds. That a publication is served at once after it is published, through the real
// publish, is in serve-publication.test.ts.
import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

type Answers = typeof import("./public-answers");
let answers: Answers;
let server: Awaited<ReturnType<typeof import("./testing/answer-server").startAnswerServer>>;

beforeAll(async () => {
  // Importing the modules opens no connection; lib/server/env only needs the values to exist.
  process.env.DATABASE_URL ??= "postgresql://public-answers@127.0.0.1:9/none";
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  answers = await import("./public-answers");
  server = await (await import("./testing/answer-server")).startAnswerServer();
});

afterAll(async () => {
  await server.close();
  answers.setPublicSiteBroadcast(null);
});

beforeEach(() => answers.setPublicAnswerLimit(64 * 1024 * 1024));

const page = "<!DOCTYPE html><html><body>" + "报告正文".repeat(2000) + "</body></html>";

function keep(path: string, body: string | Uint8Array = page, generation = answers.publicSiteGeneration()) {
  answers.rememberPublicAnswer(new Request(`http://localhost${path}`), path, generation, {
    etag: `"page-1-${path.length}"`,
    cacheControl: "public, max-age=60, must-revalidate",
    headers: { "Content-Type": typeof body === "string" ? "text/html; charset=utf-8" : "application/pdf" },
    body,
  });
}

const fetchFrom = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);

describe("answers kept for the public site", () => {
  it("answers a kept document with its bytes, the security headers and validators", async () => {
    expect((await fetchFrom("/reports/a")).status).toBe(599);
    keep("/reports/a");
    const response = await fetchFrom("/reports/a", { headers: { "accept-encoding": "identity" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(page);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("etag")).toBe(`"page-1-10"`);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, must-revalidate");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(page)));
  });

  it("sends gzip to clients that take it, and 304 for a matching ETag", async () => {
    keep("/reports/b");
    const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      import("node:http").then(({ get }) =>
        get(`${server.url}/reports/b`, { headers: { "accept-encoding": "gzip, br" } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({ encoding: response.headers["content-encoding"], body: Buffer.concat(chunks) }),
          );
        }).on("error", reject),
      );
    });
    expect(raw.encoding).toBe("gzip");
    expect(gunzipSync(raw.body).toString()).toBe(page);

    const notModified = await fetchFrom("/reports/b", { headers: { "if-none-match": `W/"x", "page-1-10"` } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("etag")).toBe(`"page-1-10"`);
    expect(notModified.headers.get("content-security-policy")).toContain("default-src 'self'");
    const head = await fetchFrom("/reports/b", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect((await fetchFrom("/reports/b", { method: "POST" })).status).toBe(599);
  });

  it("keeps nothing for a query, another path, or an answer begun before a change", async () => {
    answers.rememberPublicAnswer(new Request("http://localhost/reports/c?x=1"), "/reports/c", 0, {
      etag: `"e"`,
      cacheControl: "no-cache",
      headers: { "Content-Type": "text/plain" },
      body: "x",
    });
    answers.rememberPublicAnswer(new Request("http://localhost/reports/%63"), "/reports/c", 0, {
      etag: `"e"`,
      cacheControl: "no-cache",
      headers: { "Content-Type": "text/plain" },
      body: "x",
    });
    expect(answers.publicAnswerStats().answers).toBe(0);
    expect((await fetchFrom("/reports/c")).status).toBe(599);

    const begun = answers.publicSiteGeneration();
    answers.publicSiteChanged();
    keep("/reports/c", page, begun);
    expect((await fetchFrom("/reports/c")).status).toBe(599);
    keep("/reports/c");
    expect((await fetchFrom("/reports/c")).status).toBe(200);
    expect((await fetchFrom("/reports/c?x=1")).status).toBe(599);
  });

  it("keeps the catalogue by its search query, within a length", async () => {
    keep("/?county=&q=%E9%98%B3%E5%9F%8E&year=2025");
    expect((await fetchFrom("/?county=&q=%E9%98%B3%E5%9F%8E&year=2025")).status).toBe(200);
    expect((await fetchFrom("/?county=&q=%E9%98%B3&year=2025")).status).toBe(599);
    const long = `/?q=${"%E9%95%BF".repeat(200)}`;
    keep(long);
    expect((await fetchFrom(long)).status).toBe(599);
    keep("/");
    expect((await fetchFrom("/")).status).toBe(200);
    keep("/login");
    expect((await fetchFrom("/login")).status).toBe(599);
  });

  it("forgets every answer when the public site changes, and tells the other instances", async () => {
    let told = 0;
    answers.setPublicSiteBroadcast(async () => (told += 1));
    keep("/reports/d");
    keep("/reports/e");
    await answers.changingPublicSite(Promise.resolve());
    expect(told).toBe(1);
    expect(answers.publicAnswerStats()).toMatchObject({ answers: 0, bytes: 0 });
    expect((await fetchFrom("/reports/d")).status).toBe(599);
    // A change that failed changed nothing, and says nothing.
    await expect(answers.changingPublicSite(Promise.reject(new Error("rolled back")))).rejects.toThrow();
    expect(told).toBe(1);
  });

  it("stays within its bound, letting the least recently used answers go", async () => {
    answers.setPublicAnswerLimit(1_000_000);
    const pdf = new Uint8Array(100_000).fill(7);
    for (const name of ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9"]) keep(`/reports/${name}/pdf`, pdf);
    // p1 is used again, so p2 goes first.
    expect((await fetchFrom("/reports/p1/pdf")).status).toBe(200);
    keep("/reports/p10/pdf", pdf);
    keep("/reports/p11/pdf", pdf);
    const stats = answers.publicAnswerStats();
    expect(stats.bytes).toBeLessThanOrEqual(1_000_000);
    expect(stats.answers).toBe(10);
    expect((await fetchFrom("/reports/p2/pdf")).status).toBe(599);
    expect((await fetchFrom("/reports/p1/pdf")).status).toBe(200);
    const bytes = new Uint8Array(await (await fetchFrom("/reports/p11/pdf")).arrayBuffer());
    expect(bytes).toEqual(pdf);
    // An answer larger than an eighth of the bound is not kept at all.
    keep("/reports/big/pdf", new Uint8Array(200_000));
    expect((await fetchFrom("/reports/big/pdf")).status).toBe(599);
  });
});
