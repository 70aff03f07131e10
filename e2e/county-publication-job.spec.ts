import type { SeasonCounty } from "../lib/reports/testing/season-county";
import { DEMO_PASSWORD } from "../prisma/seed/demo-organizations";
import { expect, pageAs, test } from "./support/fixtures";
import { publishableYear } from "./support/publish-steps";
import { serverStep } from "./support/server-step";

// 一键发布: a county reviewer publishes every approved report of the county at once from the
// season board. The work is a job of the queue (lib/jobs/), taken by the app instance's
// worker; the board follows its progress (正在发布… n/N) until 已发布 N 份, then shows the
// reports published and each one's public page online. A submitted report is left alone.

const year = publishableYear();
const units = [
  { name: "一键一镇人民政府", clerkUsername: "bulk-clerk1", state: "APPROVED" },
  { name: "一键二镇人民政府", clerkUsername: "bulk-clerk2", state: "APPROVED" },
  { name: "一键三镇人民政府", clerkUsername: "bulk-clerk3", state: "APPROVED" },
  { name: "一键四镇人民政府", clerkUsername: "bulk-clerk4", state: "SUBMITTED" },
] as const;

test("a county reviewer publishes all approved reports as one job and follows its progress", async ({ browser }) => {
  test.setTimeout(180_000);
  const county = await serverStep<SeasonCounty>("season-county-cli.ts", "seed", {
    countyName: "一键发布试点县",
    reviewerUsername: "bulk-review",
    password: DEMO_PASSWORD,
    year,
    units,
  });
  const reviewer = await pageAs(browser, "bulk-review");
  await reviewer.goto(`/review/board?year=${year}`);
  const panel = reviewer.getByTestId("county-publication");
  await expect(panel).toContainText(`本县 ${year} 年度有 3 份已审核、尚未发布的报告`);
  await panel.getByRole("button", { name: "发布全部已审核报告（3 份）" }).click();
  await panel.getByRole("button", { name: "确认发布" }).click();

  const label = panel.getByTestId("county-publication-label");
  // Queued, then counted as it goes, then done (the worker renders each in the render pool).
  await expect(label).toHaveText(/^(排队中… 0\/3|正在发布… [0-3]\/3|已发布 3 份。)$/);
  await expect(label).toHaveText("已发布 3 份。", { timeout: 120_000 });

  // The board is read again: the three are published, the submitted one is not.
  await expect(reviewer.getByTestId("season-count-line")).toContainText("已发布 3");
  const board = reviewer.getByTestId("season-board");
  for (const unit of units.slice(0, 3))
    await expect(board.locator(`tr[data-unit="${unit.name}"]`)).toHaveAttribute("data-status", "PUBLISHED");
  await expect(board.locator(`tr[data-unit="${units[3].name}"]`)).toHaveAttribute("data-status", "SUBMITTED");
  await expect(panel).toContainText(`本县 ${year} 年度没有待发布的已审核报告。`);

  // Each is online for everyone, with its PDF.
  for (const unit of county.units.slice(0, 3)) {
    const page = await reviewer.request.get(`/reports/${unit.reportId}`);
    expect(page.status()).toBe(200);
    const pdf = await reviewer.request.get(`/reports/${unit.reportId}/pdf`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
  }
  // Reloading shows the job's outcome again (the page reads the reviewer's latest job).
  await reviewer.reload();
  await expect(panel.getByTestId("county-publication-label")).toHaveText("已发布 3 份。");
});
