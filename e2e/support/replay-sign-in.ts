import http from "node:http";
import type { Page } from "@playwright/test";

/**
 * The sign-in server action as an attacker replays it: its `Next-Action` id and the headers
 * the browser sent, recorded once from the real form, then posted from Node on sockets of
 * its own — as many at once as asked, from a loopback address of the test's choosing (any
 * 127.x.y.z is this machine), so the throttle state of one test touches no other.
 */
export type RecordedSignIn = { url: string; headers: Record<string, string> };

export async function recordSignInAction(page: Page): Promise<RecordedSignIn> {
  await page.goto("/login");
  const request = page.waitForRequest((each) => each.method() === "POST" && Boolean(each.headers()["next-action"]));
  // Empty fields: the action refuses them before the throttle, so recording counts against no one.
  await page.getByRole("button", { name: "登录" }).click();
  const recorded = await request;
  const sent = recorded.headers();
  const headers: Record<string, string> = {};
  for (const name of ["next-action", "next-router-state-tree", "content-type", "accept", "origin"])
    if (sent[name]) headers[name] = sent[name];
  return { url: recorded.url(), headers };
}

export type SignInAnswer = { status: number; code: string | null; message: string | null; body: string };

/** One replayed sign-in. `forwardedFor` is sent as X-Forwarded-For, as a client may. */
export function replaySignIn(
  action: RecordedSignIn,
  credentials: { username: string; password: string },
  options: { localAddress: string; forwardedFor?: string; url?: string },
): Promise<SignInAnswer> {
  const body = JSON.stringify([credentials]);
  const target = new URL(options.url ?? action.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: target.port,
        path: target.pathname + target.search,
        method: "POST",
        localAddress: options.localAddress,
        agent: false,
        headers: {
          ...action.headers,
          origin: target.origin.replace("localhost", "127.0.0.1"),
          host: target.host.replace("localhost", "127.0.0.1"),
          "content-length": Buffer.byteLength(body),
          ...(options.forwardedFor ? { "x-forwarded-for": options.forwardedFor } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({
            status: response.statusCode ?? 0,
            code: /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? (/"ok":true/.test(text) ? "OK" : null),
            message: /"message":"([^"]*)"/.exec(text)?.[1] ?? null,
            body: text,
          });
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

export function countCodes(answers: SignInAnswer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) counts[answer.code ?? "none"] = (counts[answer.code ?? "none"] ?? 0) + 1;
  return counts;
}
