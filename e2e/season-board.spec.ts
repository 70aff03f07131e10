import type { SeasonCounty } from "../lib/reports/testing/season-county";
import ExcelJS from "exceljs";
import { DEMO_PASSWORD } from "../prisma/seed/demo-organizations";
import { expect, pageAs, test } from "./support/fixtures";
import { publishableYear, publishFromReview } from "./support/publish-steps";
import { serverStep } from "./support/server-step";

// The county's season at a glance: a county of six units past its deadline (two published,
// one on time and one late; one submitted; one returned three days ago and untouched; one
// draft; one not started) shows each with its flags and the count line; a reminder (催报)
// sent to two chosen units reaches their clerks and no one else's.

const year = publishableYear();
const units = [
  // Approved by the set-up, published by the reviewer in the browser.
  { name: "催报一镇人民政府", clerkUsername: "season-clerk1", state: "APPROVED" },
  { name: "催报二镇人民政府", clerkUsername: "season-clerk2", state: "APPROVED" },
  { name: "催报三镇人民政府", clerkUsername: "season-clerk3", state: "SUBMITTED" },
  { name: "催报四镇人民政府", clerkUsername: "season-clerk4", state: "RETURNED" },
  { name: "催报五乡人民政府", clerkUsername: "season-clerk5", state: "DRAFT" },
  { name: "催报六乡人民政府", clerkUsername: "season-clerk6", state: "NOT_STARTED" },
] as const;

const seasonStep = <T>(step: "seed" | "age", args: unknown): Promise<T> =>
  serverStep<T>("season-county-cli.ts", step, args);

test("the season board flags every unit past the deadline, and a reminder reaches only the chosen clerks", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const county = await seasonStep<SeasonCounty>("seed", {
    countyName: "催报试点县",
    reviewerUsername: "season-review",
    password: DEMO_PASSWORD,
    year,
    units,
  });
  const reviewer = await pageAs(browser, "season-review");
  for (const unit of county.units.slice(0, 2)) {
    await reviewer.goto(`/review/reports/${unit.reportId}`);
    await publishFromReview(reviewer, { approve: false });
  }
  const { deadline } = await seasonStep<{ deadline: string }>("age", {
    county,
    year,
    onTimeUnit: units[0].name,
    returnedUnit: units[3].name,
  });
  await reviewer.goto("/review");
  await reviewer.getByRole("link", { name: /^报告进度/ }).click();
  await reviewer.goto(`/review/board?year=${year}`);

  await expect(reviewer.getByTestId("season-count-line")).toHaveText(
    "应报 6 · 已发布 2 · 已提交 1 · 已退回 1 · 草稿 1 · 未开始 1 · 逾期 4 · 退回未修改 1",
  );
  const board = reviewer.getByTestId("season-board");
  const row = (name: string) => board.locator(`tr[data-unit="${name}"]`);
  const expected = [
    [units[0].name, "PUBLISHED", "按时发布", "—"],
    [units[1].name, "PUBLISHED", "逾期 10 天发布", "—"],
    [units[2].name, "SUBMITTED", "逾期 10 天", "—"],
    [units[3].name, "RETURNED", "逾期 10 天", "退回后 3 天未修改"],
    [units[4].name, "DRAFT", "逾期 10 天", "—"],
    [units[5].name, "NOT_STARTED", "逾期 10 天", "—"],
  ] as const;
  for (const [name, status, standing, returned] of expected) {
    await expect(row(name)).toHaveAttribute("data-status", status);
    await expect(row(name).getByTestId("standing")).toHaveText(standing);
    await expect(row(name).getByTestId("returned")).toHaveText(returned);
  }
  // The submitted unit shows when it was sent; the draft and the unstarted one do not.
  await expect(row(units[2].name).locator("td").nth(3)).toHaveText(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
  await expect(row(units[4].name).locator("td").nth(3)).toHaveText("—");
  // Most overdue first by default, published last; another county's units never appear.
  await expect(board.locator("tbody tr").last()).toHaveAttribute("data-status", "PUBLISHED");
  await expect(board).not.toContainText("阳城");

  // Filters: the overdue ones; the returned one left untouched.
  await reviewer.getByLabel("情况").selectOption("overdue");
  await reviewer.getByRole("button", { name: "筛选" }).click();
  await expect(board.locator("tbody tr")).toHaveCount(4);
  await reviewer.goto(`/review/board?year=${year}&flag=returnedUntouched`);
  await expect(board.locator("tbody tr")).toHaveCount(1);
  await expect(board.locator("tbody tr")).toHaveAttribute("data-unit", units[3].name);

  // Exports: CSV in UTF-8 with a byte order mark, .xlsx with the count line, as filtered.
  const csv = await reviewer.request.get(`/review/board/export?year=${year}&format=csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const csvBytes = await csv.body();
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = csvBytes.toString("utf8");
  expect(csvText).toContain(`${units[3].name},乡,已退回,`);
  expect(csvText).toContain("退回后 3 天未修改");
  expect(csvText.trim().split("\r\n")).toHaveLength(7);
  const xlsx = await reviewer.request.get(`/review/board/export?year=${year}&format=xlsx&status=DRAFT`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await xlsx.body()).buffer as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(String(sheet.getCell("A1").value)).toContain("应报 6 · 已发布 2");
  expect(sheet.getCell("A3").value).toBe(units[4].name);
  expect(sheet.rowCount).toBe(3);
  // Another county's reviewer gets nothing.
  const other = await pageAs(browser, "yangcheng-review");
  expect((await other.request.get(`/review/board/export?year=${year}&format=csv`)).status()).toBe(200);
  expect(await (await other.request.get(`/review/board/export?year=${year}&format=csv`)).text()).not.toContain("催报");
  await other.context().close();

  // 催报: nothing chosen, then an emptied text, are refused; then two units get it.
  await reviewer.goto(`/review/board?year=${year}`);
  const form = reviewer.getByRole("form", { name: "催报" });
  const text = form.getByLabel("通知内容");
  await expect(text).toHaveValue(/前完成并公布/);
  await form.getByRole("button", { name: "发送催报" }).click();
  await expect(form.getByRole("alert")).toHaveText("请先在上表中勾选要催报的单位。");
  await board.getByLabel(`选择${units[4].name}`).check();
  await board.getByLabel(`选择${units[5].name}`).check();
  await text.fill("   ");
  await form.getByRole("button", { name: "发送催报" }).click();
  await expect(form.getByRole("alert")).toHaveText("请填写催报内容");
  await text.fill("请抓紧完成年度报告，逾期将通报。");
  await form.getByRole("button", { name: "发送催报" }).click();
  await expect(form.getByRole("status")).toHaveText("已向 2 个单位发送催报通知。");
  await reviewer.context().close();

  // A chosen clerk sees it on the home page, with the deadline, and in the wizard; marks it read.
  const drafting = await pageAs(browser, units[4].clerkUsername);
  await drafting.goto("/clerk");
  const notices = drafting.getByTestId("season-notices");
  await expect(notices).toContainText("请抓紧完成年度报告，逾期将通报。");
  const [deadlineYear, deadlineMonth, deadlineDay] = deadline.split("-").map(Number);
  await expect(notices).toContainText(`公布期限 ${deadlineYear} 年 ${deadlineMonth} 月 ${deadlineDay} 日`);
  const draftId = county.units.find((unit) => unit.name === units[4].name)!.reportId!;
  await drafting.goto(`/clerk/reports/${draftId}`);
  const banner = drafting.getByTestId("season-banner");
  await expect(banner.getByTestId("season-deadline")).toContainText(`${year} 年度报告：已逾期 10 天`);
  await expect(banner.getByTestId("season-notices")).toContainText("请抓紧完成年度报告");
  await banner.getByRole("button", { name: "标记为已读" }).click();
  await expect(banner.getByTestId("season-notices")).toContainText("催报通知（已读）");
  await expect(banner.getByRole("button", { name: "标记为已读" })).toHaveCount(0);
  await drafting.context().close();

  // The other chosen unit's clerk sees it too; a clerk of a unit not chosen does not.
  const unstarted = await pageAs(browser, units[5].clerkUsername);
  await unstarted.goto("/clerk");
  await expect(unstarted.getByTestId("season-notices")).toContainText("请抓紧完成年度报告");
  await unstarted.context().close();
  const submitted = await pageAs(browser, units[2].clerkUsername);
  await submitted.goto("/clerk");
  await expect(submitted.getByTestId("current-user")).toBeVisible();
  await expect(submitted.getByTestId("season-notices")).toHaveCount(0);
  await submitted.context().close();

  // The returned unit's clerk is told, unasked, that the return is not yet dealt with.
  const returned = await pageAs(browser, units[3].clerkUsername);
  await returned.goto("/clerk");
  await expect(returned.getByTestId("season-returned")).toHaveText(
    `${year} 年度报告退回意见尚未处理（退回后 3 天未修改）：请按审核意见修改后重新提交。`,
  );
  await expect(returned.getByTestId("season-notices")).toHaveCount(0);
  await returned.context().close();
});
