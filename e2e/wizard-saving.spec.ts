import type { Page } from "@playwright/test";
import { startAppServer } from "../scripts/lib/app-server";
import { expect, pageAs, test } from "./support/fixtures";
import { e2eState } from "./support/state";
import {
  cell,
  createReport,
  expectSaved,
  field,
  goToStep,
  openReport,
  storedReport,
  withDatabase,
} from "./wizard-helpers";

/** Server actions are POSTs to the page's own URL carrying a Next-Action header. */
async function failSaves(page: Page): Promise<() => Promise<void>> {
  const handler = async (route: import("@playwright/test").Route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"])
      await route.abort("internetdisconnected");
    else await route.continue();
  };
  await page.route("**/clerk/reports/**", handler);
  return () => page.unroute("**/clerk/reports/**", handler);
}

test("pasting a block copied from a spreadsheet fills the grid from the focused cell and says what was refused", async ({
  browser,
}) => {
  const reportId = await createReport("baisang", 2023);
  const page = await openReport(browser, "baisang", reportId);
  await goToStep(page, "三、收到和处理政府信息公开申请情况");
  // Two rows as Excel copies them: tab-separated, CRLF, a full-width figure, a word, a 总计 column.
  const tsv = "12\t1\t0\t0\t0\t0\t13\r\n３\t0\t无\t0\t0\t0\t99\r\n";
  await cell(page, "t3.r1.natural").focus();
  await page.evaluate((text) => {
    const target = document.activeElement!;
    const data = new DataTransfer();
    data.setData("text/plain", text);
    target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, tsv);
  // Two rows: where they go is shown first, and nothing is written before 确认粘贴.
  const preview = page.getByTestId("paste-preview");
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId("paste-preview-row")).toHaveCount(2);
  await expect(preview).toContainText("“无”");
  await expect(cell(page, "t3.r1.natural")).toHaveValue("");
  await preview.getByRole("button", { name: "确认粘贴" }).click();
  const summary = page.getByTestId("paste-summary");
  await expect(summary).toContainText("已填入 11 格");
  await expect(summary).toContainText("2 个合计值未写入");
  await expect(summary).toContainText("二、上年结转政府信息公开申请数量·科研机构");
  await expect(summary).toContainText("“无”");
  // The pasted 99 disagrees with 3 + 0 + 0 + 0 + 0 = 3.
  await expect(summary).toContainText("粘贴的是 99");
  await expect(cell(page, "t3.r1.natural")).toHaveValue("12");
  await expect(cell(page, "t3.r2.natural")).toHaveValue("3");
  await expect(cell(page, "t3.r2.research")).toHaveValue("");
  await expect(cell(page, "t3.r1.total")).toHaveText("13");
  await expectSaved(page);
  const stored = await storedReport(reportId);
  expect(stored.data.cells["t3.r1.natural"]).toBe(12);
  expect(stored.data.cells["t3.r2.natural"]).toBe(3);
  expect(stored.data.cells["t3.r2.research"]).toBeNull();
});

const TABLE_TWO = "二、主动公开政府信息情况";
const PROBLEMS = "五、存在的主要问题及改进情况";
const LICENSING = "t2.licensing.decisions";
const PENALTY = "t2.penalty.decisions";
const ENFORCEMENT = "t2.enforcement.decisions";

test("two tabs edit different parts of the report: the later save merges with no question and keeps both", async ({
  browser,
}) => {
  const reportId = await createReport("fengcheng", 2023, {
    data: (blank) => ({ ...blank, cells: { ...blank.cells, [LICENSING]: 12 } }),
  });
  // Two tabs of one browser (they share its localStorage), both opened before either saves.
  const first = await openReport(browser, "fengcheng", reportId);
  const second = await first.context().newPage();
  await second.goto(`/clerk/reports/${reportId}`);
  await expect(second.getByTestId("save-status")).toBeVisible();

  await goToStep(first, TABLE_TWO);
  await cell(first, LICENSING).fill("15");
  await expectSaved(first);
  expect((await storedReport(reportId)).data.cells[LICENSING]).toBe(15);

  // The second tab never touches 行政许可: it changes 行政处罚 and section 五.
  await goToStep(second, TABLE_TWO);
  await cell(second, PENALTY).fill("3");
  await goToStep(second, PROBLEMS);
  await field(second, "s5").fill("第二个标签页写的问题。");
  await expectSaved(second);
  await expect(second.getByTestId("merge-notice")).toHaveText("已合并另一窗口的修改（1 处）。");
  await expect(second.getByTestId("conflict")).toHaveCount(0);
  const stored = await storedReport(reportId);
  expect(stored.data.cells[LICENSING]).toBe(15);
  expect(stored.data.cells[PENALTY]).toBe(3);
  expect(stored.data.narrative.s5).toBe("第二个标签页写的问题。");
  // The second tab shows the first tab's figure now.
  await goToStep(second, TABLE_TWO);
  await expect(cell(second, LICENSING)).toHaveValue("15");

  // The first tab, behind now, takes the second tab's changes in the same way with its next edit.
  await cell(first, ENFORCEMENT).fill("2");
  await expectSaved(first);
  await expect(first.getByTestId("merge-notice")).toHaveText("已合并另一窗口的修改（2 处）。");
  await expect(cell(first, PENALTY)).toHaveValue("3");
  const last = await storedReport(reportId);
  expect([last.data.cells[LICENSING], last.data.cells[PENALTY], last.data.cells[ENFORCEMENT]]).toEqual([15, 3, 2]);
  expect(last.data.narrative.s5).toBe("第二个标签页写的问题。");
  await first.context().close();
});

test("two browsers change the same cell and text differently: only those are asked, one by one, and the clerk's picks are saved", async ({
  browser,
}) => {
  const reportId = await createReport("fengcheng", 2024);
  const first = await openReport(browser, "fengcheng", reportId);
  const second = await openReport(browser, "fengcheng", reportId);

  await goToStep(first, TABLE_TWO);
  await cell(first, LICENSING).fill("15");
  await cell(first, PENALTY).fill("4");
  await goToStep(first, PROBLEMS);
  await field(first, "s5").fill("第一个标签页写的问题。");
  await expectSaved(first);

  // 行政许可 differs, 行政处罚 is the same on both sides, 行政强制 is changed here only.
  await goToStep(second, TABLE_TWO);
  await cell(second, LICENSING).fill("20");
  await cell(second, PENALTY).fill("4");
  await cell(second, ENFORCEMENT).fill("2");
  await goToStep(second, PROBLEMS);
  const conflict = second.getByTestId("conflict");
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(second.getByTestId("save-status")).toHaveAttribute("data-status", "conflict");
  await expect(second.getByTestId("conflict-progress")).toHaveText(
    "第 1 处，共 1 处：二、主动公开政府信息情况：行政许可·本年处理决定数量",
  );
  await expect(conflict.getByRole("cell")).toHaveText(["20", "15"]);
  // Typed while the question is open: section 五, which the first tab also changed.
  await field(second, "s5").fill("第二个标签页写的问题。");
  // Nothing was written while the clerk had not chosen.
  expect((await storedReport(reportId)).data.cells[LICENSING]).toBe(15);

  await conflict.getByRole("button", { name: "采用已保存的内容" }).click();
  await expect(second.getByTestId("conflict-progress")).toHaveText("第 2 处，共 2 处：五、存在的主要问题及改进情况");
  await expect(conflict.getByRole("cell")).toHaveText(["第二个标签页写的问题。", "第一个标签页写的问题。"]);
  await conflict.getByRole("button", { name: "保留我的内容" }).click();
  await expect(conflict).toHaveCount(0);
  await expectSaved(second);
  const stored = await storedReport(reportId);
  expect([stored.data.cells[LICENSING], stored.data.cells[PENALTY], stored.data.cells[ENFORCEMENT]]).toEqual([
    15, 4, 2,
  ]);
  expect(stored.data.narrative.s5).toBe("第二个标签页写的问题。");
  await goToStep(second, TABLE_TWO);
  await expect(cell(second, LICENSING)).toHaveValue("15");

  // The first browser, behind now, edits section 五 again: asked once, it takes the saved text.
  await field(first, "s5").fill("第一个标签页又改了。");
  const again = first.getByTestId("conflict");
  await expect(again).toBeVisible({ timeout: 15_000 });
  await expect(first.getByTestId("conflict-progress")).toHaveText("第 1 处，共 1 处：五、存在的主要问题及改进情况");
  await again.getByRole("button", { name: "采用已保存的内容" }).click();
  await expect(field(first, "s5")).toHaveValue("第二个标签页写的问题。");
  await expectSaved(first);
  await goToStep(first, TABLE_TWO);
  await expect(cell(first, ENFORCEMENT)).toHaveValue("2");
  const last = await storedReport(reportId);
  expect(last.version).toBe(stored.version);
  expect(last.data.narrative.s5).toBe("第二个标签页写的问题。");
  await first.context().close();
  await second.context().close();
});

test("with the network down the work stays in the browser, survives a reload and is saved when the network is back", async ({
  browser,
}) => {
  const reportId = await createReport("wangyuejing", 2022);
  const page = await openReport(browser, "wangyuejing", reportId);
  const { version } = await storedReport(reportId);
  await goToStep(page, "三、收到和处理政府信息公开申请情况");
  const restore = await failSaves(page);
  await cell(page, "t3.r1.natural").fill("42");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "retrying", { timeout: 15_000 });
  await expect(page.getByTestId("save-status")).toContainText("未保存，重试中");
  expect((await storedReport(reportId)).version).toBe(version);

  // Leaving now warns (beforeunload); reloading anyway keeps the work from the browser copy.
  const warning = page.waitForEvent("dialog");
  const reload = page.reload();
  const dialog = await warning;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.accept();
  await reload;
  await restore();
  await expect(page.getByText("已恢复此前在本浏览器中未保存的内容")).toBeVisible();
  await expectSaved(page);
  await goToStep(page, "三、收到和处理政府信息公开申请情况");
  await expect(cell(page, "t3.r1.natural")).toHaveValue("42");
  expect((await storedReport(reportId)).data.cells["t3.r1.natural"]).toBe(42);

  // Without a reload: the saver retries by itself once saves go through again.
  const restoreAgain = await failSaves(page);
  await cell(page, "t3.r1.business").fill("7");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "retrying", { timeout: 15_000 });
  await restoreAgain();
  await expectSaved(page);
  expect((await storedReport(reportId)).data.cells["t3.r1.business"]).toBe(7);
});

test("a tab offline is reloaded after another browser saved: its browser copy is merged on opening, nothing is lost", async ({
  browser,
}) => {
  const reportId = await createReport("xiangyun", 2021);
  const offline = await openReport(browser, "xiangyun", reportId);
  const other = await openReport(browser, "xiangyun", reportId);
  await goToStep(offline, TABLE_TWO);
  const restore = await failSaves(offline);
  await cell(offline, PENALTY).fill("3");
  await expect(offline.getByTestId("save-status")).toHaveAttribute("data-status", "retrying", { timeout: 15_000 });

  await goToStep(other, TABLE_TWO);
  await cell(other, LICENSING).fill("15");
  await expectSaved(other);

  const warning = offline.waitForEvent("dialog");
  const reload = offline.reload();
  await (await warning).accept();
  await reload;
  await restore();
  await expect(offline.getByText("已恢复此前在本浏览器中未保存的内容，并与服务器上更新的版本合并")).toBeVisible();
  await expect(offline.getByTestId("conflict")).toHaveCount(0);
  await expectSaved(offline);
  const stored = await storedReport(reportId);
  expect([stored.data.cells[LICENSING], stored.data.cells[PENALTY]]).toEqual([15, 3]);
  await goToStep(offline, TABLE_TWO);
  await expect(cell(offline, LICENSING)).toHaveValue("15");
  await expect(cell(offline, PENALTY)).toHaveValue("3");
  await offline.context().close();
  await other.context().close();
});

/** Appends one UTF-16 unit to a text field as the browser would hand it to the form (typing or a paste cannot spell it). */
async function appendCodeUnit(target: import("@playwright/test").Locator, codeUnit: number): Promise<void> {
  await target.evaluate((element, unit) => {
    const textarea = element as HTMLTextAreaElement;
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
    setValue.call(textarea, textarea.value + String.fromCharCode(unit));
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }, codeUnit);
}

test("half of an emoji in a text: the save is refused and pointed at, later edits are still saved once it is removed", async ({
  browser,
}) => {
  const reportId = await createReport("beiliu", 2021);
  const page = await openReport(browser, "beiliu", reportId);
  const saves: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) saves.push(request.postData() ?? "");
  });
  const answered = () =>
    page.waitForResponse(
      (response) => response.request().method() === "POST" && !!response.request().headers()["next-action"],
    );
  await goToStep(page, "五、存在的主要问题及改进情况");
  await field(page, "s5").fill("问题已整改");
  await expectSaved(page);

  // The first half of 😀 (U+D83D) with nothing after it, as a text cut in the middle of an emoji ends.
  const refusedAnswer = answered();
  await appendCodeUnit(field(page, "s5"), 0xd83d);
  await refusedAnswer;
  const status = page.getByTestId("save-status");
  const where = "第 6 个字（“问题已整改”之后）是一个无法识别的字符（常显示为 �），请删除后重新输入";
  await expect(status).toHaveAttribute("data-status", "refused");
  await expect(status).toHaveText(
    `未保存：保存的内容有误（五、存在的主要问题及改进情况）：${where}（内容已保存在本浏览器中）`,
  );
  // The field itself says where, and offers to remove it.
  await expect(page.getByTestId("character-problem")).toContainText(where);
  await expect(field(page, "s5")).toHaveAttribute("aria-invalid", "true");
  const sentBefore = saves.length;

  // Leaving the step saves at once, but the refused values are not sent again.
  await goToStep(page, "六、其他需要报告的事项");
  // An edit elsewhere is sent (once) and refused again while the bad character is there.
  const secondAnswer = answered();
  await field(page, "s6").fill("其他事项已报告。");
  await secondAnswer;
  expect(saves.length).toBe(sentBefore + 1);
  expect(saves.at(-1)).toContain("其他事项已报告。");
  await expect(status).toHaveAttribute("data-status", "refused");
  expect((await storedReport(reportId)).data.narrative.s6 ?? "").toBe("");

  // Removing the character saves everything typed since.
  await goToStep(page, "五、存在的主要问题及改进情况");
  await page.getByTestId("character-problem").getByRole("button", { name: "删除这些字符" }).click();
  await expect(field(page, "s5")).toHaveValue("问题已整改");
  await expect(page.getByTestId("character-problem")).toHaveCount(0);
  await expectSaved(page);
  const stored = await storedReport(reportId);
  expect(stored.data.narrative.s5).toBe("问题已整改");
  expect(stored.data.narrative.s6).toBe("其他事项已报告。");

  // And autosave goes on as usual.
  await field(page, "s5").fill("问题已整改，并建立长效机制。");
  await expectSaved(page);
  expect((await storedReport(reportId)).data.narrative.s5).toBe("问题已整改，并建立长效机制。");
  await page.context().close();
});

test("the app server is killed mid-edit and started again: nothing typed is lost", async ({ browser }) => {
  test.setTimeout(150_000);
  // A server of its own (same build, same database), so killing it disturbs no other test.
  const state = await e2eState.read();
  const port = Number(new URL(state.baseURL).port) + 100;
  const start = () =>
    startAppServer({ port, databaseUrl: state.databaseUrl, authSecret: state.authSecret, quiet: true });
  let app = await start();
  try {
    const reportId = await createReport("xiangyun", 2022);
    const page = await pageAs(browser, "xiangyun", app.url);
    const context = page.context();
    await page.goto(`/clerk/reports/${reportId}`);
    await goToStep(page, "六、其他需要报告的事项");
    await expectSaved(page);

    app.process.kill("SIGKILL");
    await expect
      .poll(
        () =>
          fetch(`${app.url}/api/health`).then(
            () => "up",
            () => "down",
          ),
        { timeout: 20_000 },
      )
      .toBe("down");
    await field(page, "s6").fill("服务器停机时写下的内容。");
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "retrying", { timeout: 15_000 });
    expect((await storedReport(reportId)).data.narrative.s6 ?? "").toBe("");

    app = await start();
    // The saver retries by itself (back-off up to 30 s); the clerk may also press 立即重试.
    await expectSaved(page, 45_000);
    expect((await storedReport(reportId)).data.narrative.s6).toBe("服务器停机时写下的内容。");
    await withDatabase(async (db) => expect(await db.reportRevision.count({ where: { reportId } })).toBe(2));
    await context.close();
  } finally {
    await app.stop();
  }
});
