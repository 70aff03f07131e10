import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { recordSignInAction } from "./support/replay-sign-in";
import { createReport, field, goToStep, openReport, storedReport } from "./wizard-helpers";

// Server actions replayed from Node the way anyone can post them (their Next-Action id and
// the headers the browser sent, recorded once from the real page): oversized, malformed and
// hostile bodies are answered with a status and a zh-CN line, never a bare 500, and a hostile
// text is refused by the action with a zh-CN message that says where.

type Recorded = { url: string; headers: Record<string, string> };
type Answer = { status: number; contentType: string | null; text: string };

const oversized = "提交的内容过大（超过 1 MB），未保存。请删减后重试。";
const malformed = "请求的格式不正确，未处理。请刷新页面后重试。";

async function replay(action: Recorded, body: BodyInit, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(action.url, { method: "POST", headers: { ...action.headers, ...headers }, body });
  return { status: response.status, contentType: response.headers.get("content-type"), text: await response.text() };
}

/** The action's result in a Flight answer (its row 1). */
function resultOf(answer: Answer): {
  ok: boolean;
  code?: string;
  message?: string;
  fieldErrors?: Record<string, string>;
} {
  expect(answer.status).toBe(200);
  const row = answer.text.split("\n").find((line) => line.startsWith("1:"));
  if (!row) throw new Error(`no action result in ${answer.text.slice(0, 200)}`);
  return JSON.parse(row.slice(2));
}

/** The saveDraft action of a report's wizard, recorded from a real save, with the clerk's cookies. */
async function recordSave(page: Page): Promise<Recorded & { body: unknown[] }> {
  const request = page.waitForRequest((each) => each.method() === "POST" && Boolean(each.headers()["next-action"]));
  await goToStep(page, "六、其他需要报告的事项");
  await field(page, "s6").fill("录制一次保存。");
  const recorded = await request;
  const sent = await recorded.allHeaders();
  const headers: Record<string, string> = {};
  for (const name of ["next-action", "next-router-state-tree", "content-type", "accept", "origin", "cookie"])
    if (sent[name]) headers[name] = sent[name];
  return { url: recorded.url(), headers, body: JSON.parse(recorded.postData() ?? "[]") as unknown[] };
}

test("bodies over the 1 MB cap are answered 413 in zh-CN, declared or streamed, and change nothing", async ({
  browser,
}) => {
  const reportId = await createReport("wangyuejing", 2021);
  const page = await openReport(browser, "wangyuejing", reportId);
  const save = await recordSave(page);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout: 15_000 });
  const before = await storedReport(reportId);
  const [input] = save.body as [{ narrative: Record<string, string>; expectedVersion: number }];
  const withText = (text: string) =>
    JSON.stringify([{ ...input, expectedVersion: before.version, narrative: { ...input.narrative, s5: text } }]);

  for (const megabytes of [1.5, 20]) {
    const answer = await replay(save, withText("长".repeat((megabytes * 1024 * 1024) / 3)));
    expect(answer).toEqual({ status: 413, contentType: "text/plain", text: oversized });
  }
  // Without a Content-Length: counted as it arrives.
  const bytes = new TextEncoder().encode(withText("长".repeat((1.5 * 1024 * 1024) / 3)));
  const streamed = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 256 * 1024) controller.enqueue(bytes.slice(at, at + 256 * 1024));
      controller.close();
    },
  });
  const chunked = await fetch(save.url, {
    method: "POST",
    headers: save.headers,
    body: streamed,
    duplex: "half",
  } as RequestInit);
  expect([chunked.status, await chunked.text()]).toEqual([413, oversized]);
  expect(await storedReport(reportId)).toEqual(before);

  // The same action with a body of a normal size still saves.
  expect(resultOf(await replay(save, withText("正常大小的文字。")))).toMatchObject({ ok: true });
  expect((await storedReport(reportId)).data.narrative.s5).toBe("正常大小的文字。");
  await page.context().close();
});

test("malformed action requests are answered 400 in zh-CN, never a bare 500", async ({ browser }) => {
  const page = await browser.newPage();
  const signIn = await recordSignInAction(page);
  await page.close();
  // A FormData body brings its own multipart type and boundary instead of the recorded text/plain.
  const { "content-type": _recordedType, ...withoutType } = signIn.headers;
  const multipart = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return { body: form, headers: withoutType };
  };
  const cases: [string, { body: BodyInit; headers: Record<string, string> }][] = [
    ["text that is not JSON", { body: "{{{ 不是 JSON", headers: signIn.headers }],
    ["JSON that is not an argument list", { body: JSON.stringify("x"), headers: signIn.headers }],
    ["a reference to a part the body does not have", { body: JSON.stringify(["$Q1"]), headers: signIn.headers }],
    [
      "an action id of the wrong form",
      { body: JSON.stringify([{}]), headers: { ...signIn.headers, "next-action": "not-an-action" } },
    ],
    ["form data without its root part", multipart({ "1": "{}" })],
    ["form data whose root is not JSON", multipart({ "0": "{{{" })],
  ];
  for (const [name, { body, headers }] of cases) {
    const response = await fetch(signIn.url, { method: "POST", headers, body });
    expect([name, response.status, await response.text()]).toEqual([name, 400, malformed]);
  }
  // A broken multipart body posted as a form without JavaScript, to a staff page.
  const form = await fetch(new URL("/clerk", signIn.url), {
    method: "POST",
    headers: {
      origin: signIn.headers.origin ?? new URL(signIn.url).origin,
      "content-type": "multipart/form-data; boundary=xx",
    },
    body: "--xx\r\ngarbage",
  });
  expect([form.status, form.headers.get("content-type"), await form.text()]).toEqual([
    400,
    "text/plain; charset=utf-8",
    malformed,
  ]);
  // The action still answers a well-formed request.
  const answer = resultOf(await replay(signIn, JSON.stringify([{ username: "", password: "" }])));
  expect(answer).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { username: "请输入用户名" } });
});

test("wrong types and an unpaired surrogate are refused by the action in zh-CN, saying where", async ({ browser }) => {
  const page = await browser.newPage();
  const signIn = await recordSignInAction(page);
  await page.close();
  const typed = resultOf(await replay(signIn, JSON.stringify([{ username: 5, password: ["x"], extra: true }])));
  expect(typed).toMatchObject({ ok: false, code: "INVALID_INPUT" });
  for (const message of [typed.message!, ...Object.values(typed.fieldErrors!)]) {
    expect(message).toMatch(/\p{Script=Han}/u);
    expect(message).not.toMatch(/[A-Za-z]{2,}/);
  }
  // JSON spells half of an emoji as an escape; the action receives it as sent.
  const surrogate = resultOf(await replay(signIn, '[{"username":"dong\\ud83dfeng","password":"x"}]'));
  expect(surrogate).toMatchObject({
    ok: false,
    code: "INVALID_INPUT",
    fieldErrors: { username: "第 5 个字（“dong”之后）是一个无法识别的字符（常显示为 �），请删除后重新输入" },
  });

  const reportId = await createReport("kczfb", 2021);
  const clerk = await openReport(browser, "kczfb", reportId);
  const save = await recordSave(clerk);
  await expect(clerk.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout: 15_000 });
  const before = await storedReport(reportId);
  const [input] = save.body as [Record<string, unknown>];
  const body = JSON.stringify([
    { ...input, expectedVersion: before.version, narrative: { s5: "整改PLACEHOLDER完成" } },
  ]);
  const refused = resultOf(await replay(save, body.replace("PLACEHOLDER", "\\udc00")));
  expect(refused).toMatchObject({
    ok: false,
    code: "INVALID_INPUT",
    message:
      "保存的内容有误（五、存在的主要问题及改进情况）：第 3 个字（“整改”之后）是一个无法识别的字符（常显示为 �），请删除后重新输入",
  });
  expect(await storedReport(reportId)).toEqual(before);
  await clerk.context().close();
});

test("the wizard shows the proxy's 413 as a refusal, not a broken connection, and saves the next edit", async ({
  browser,
}) => {
  const reportId = await createReport("huamachi", 2021);
  const page = await openReport(browser, "huamachi", reportId);
  await goToStep(page, "六、其他需要报告的事项");
  await field(page, "s6").fill("第一次保存。");
  const status = page.getByTestId("save-status");
  await expect(status).toHaveAttribute("data-status", "saved", { timeout: 15_000 });
  const before = await storedReport(reportId);

  // The page's next save reaches the server over the cap (as a page holding more than the
  // cap would send it): the proxy answers 413 with its zh-CN line.
  const isSave = (url: URL) => url.pathname === `/clerk/reports/${reportId}`;
  await page.route(isSave, async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    const [input] = request.postDataJSON() as [{ narrative: Record<string, string> }];
    const narrative = { ...input.narrative, s5: "长".repeat((1.5 * 1024 * 1024) / 3) };
    await route.continue({ postData: JSON.stringify([{ ...input, narrative }]) });
  });
  const refused = page.waitForResponse(
    (response) => response.request().method() === "POST" && isSave(new URL(response.url())),
  );
  await field(page, "s6").fill("第二次保存。");
  expect((await refused).status()).toBe(413);
  await expect(status).toHaveAttribute("data-status", "refused");
  await expect(status).toHaveText(
    "未保存：提交的内容过大（超过 1 MB），未保存。请删减后重试（内容已保存在本浏览器中）",
  );
  expect(await storedReport(reportId)).toEqual(before);

  // Once the page sends what the clerk typed again, the next edit is saved as usual.
  await page.unroute(isSave);
  await field(page, "s6").fill("第三次保存。");
  await expect(status).toHaveAttribute("data-status", "saved", { timeout: 15_000 });
  expect((await storedReport(reportId)).data.narrative.s6).toBe("第三次保存。");
  await page.context().close();
});
