import { expect, type Page } from "@playwright/test";
import { chinaDay } from "../../lib/format/calendar-day";
import { lastEndedYear } from "../../lib/publications/publication-dates";

/**
 * The year the publishing journeys work on: the newest whose 统计期限 has ended (a report
 * is published only after it), which is the reporting year from January to October and the
 * year before it in November and December.
 */
export function publishableYear(): number {
  return lastEndedYear(chinaDay(new Date()));
}

/**
 * The reviewer publishes from the review page: opens the confirmation (审核通过并发布… or
 * 发布…), waits for the 样稿 (its page count and its first page drawn), confirms, and follows
 * the publication job (排队中… / 正在发布… / 已发布。) until the page shows the report published.
 * `expectPublished: false` stops after 确认发布 (the caller checks the refusal).
 */
export async function publishFromReview(
  reviewer: Page,
  { approve = true, expectPublished = true }: { approve?: boolean; expectPublished?: boolean } = {},
): Promise<void> {
  await reviewer.getByRole("button", { name: approve ? "审核通过并发布…" : "发布…" }).click();
  const confirmation = reviewer.getByTestId("publish-confirmation");
  await expect(confirmation.getByTestId("publish-page-count")).toContainText(/共 \d+ 页/, { timeout: 30_000 });
  await expect(confirmation.getByTestId("pdf-first-page")).toHaveAttribute("data-rendered", "true", {
    timeout: 30_000,
  });
  await confirmation.getByRole("button", { name: "确认发布" }).click();
  if (expectPublished) await followPublicationJob(reviewer);
}

/**
 * The publication is a job of the queue (发布…, 审核通过并发布…, 确认导入并发布): the page
 * follows it (排队中… / 正在发布… / 已发布。), then reads the report again, published.
 */
export async function followPublicationJob(reviewer: Page): Promise<void> {
  const job = reviewer.getByTestId("report-publication-label");
  await expect(job).toHaveText(/^(排队中…|正在发布…|已发布。)$/);
  await expect(job).toHaveText("已发布。", { timeout: 30_000 });
  await expect(reviewer.getByTestId("report-status")).toHaveText("已发布", { timeout: 30_000 });
}
