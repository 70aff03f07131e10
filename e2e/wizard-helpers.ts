// Helpers of the wizard's browser tests: each test works on its own (organization, year)
// report, created here straight in the e2e database, so parallel workers never collide.
import type { Browser, Locator, Page } from "@playwright/test";
import { blankReportData, parseReportData, toStoredReportData, type ReportData } from "../lib/report-data";
import { getLayout, layoutForYear } from "../lib/template";
import { createScriptClient } from "../scripts/lib/prisma-client";
import { expect, pageAs } from "./support/fixtures";
import { claimReport } from "./support/report-claims";
import { serverStep } from "./support/server-step";
import { e2eState } from "./support/state";

export async function withDatabase<T>(work: (db: ReturnType<typeof createScriptClient>) => Promise<T>): Promise<T> {
  const { databaseUrl } = await e2eState.read();
  const db = createScriptClient(databaseUrl);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/**
 * A fresh report of `username`'s organization for `year` (any earlier one of that year is
 * deleted first), optionally with data and a status. Returns its id.
 */
export async function createReport(
  username: string,
  year: number,
  options: {
    data?: (blank: ReportData) => ReportData;
    status?: "DRAFT" | "RETURNED" | "SUBMITTED" | "APPROVED" | "PUBLISHED";
  } = {},
): Promise<string> {
  await claimReport(username, year);
  const reportId = await withDatabase(async (db) => {
    const user = await db.user.findUniqueOrThrow({
      where: { username },
      select: { id: true, organization: { select: { id: true, name: true } } },
    });
    const organization = user.organization!;
    const layout = layoutForYear(year)!;
    const blank = blankReportData(layout, organization.name, year);
    const data = toStoredReportData(options.data ? options.data(blank) : blank);
    await db.publication.deleteMany({ where: { report: { organizationId: organization.id, year } } });
    await db.report.deleteMany({ where: { organizationId: organization.id, year } });
    const report = await db.report.create({
      data: {
        organizationId: organization.id,
        year,
        templateId: layout.id,
        templateVersion: layout.version,
        status: options.status ?? "DRAFT",
        data,
        revisions: { create: { version: 1, status: options.status ?? "DRAFT", data, authorId: user.id } },
      },
      select: { id: true },
    });
    return report.id;
  });
  // Published means frozen, as the next year's carry-over and checks read it.
  if (options.status === "PUBLISHED")
    await serverStep("publication-cli.ts", "publish", { reportId }, { isPlainNode: true });
  return reportId;
}

export async function openReport(browser: Browser, username: string, reportId: string): Promise<Page> {
  const page = await pageAs(browser, username);
  await page.goto(`/clerk/reports/${reportId}`);
  await expect(page.getByTestId("save-status")).toBeVisible();
  return page;
}

/** The input (or computed total) of a cell, by its stable cell id. */
export function cell(page: Page, cellId: string): Locator {
  return page.locator(`[id="field-${cellId}"]`);
}

export function field(page: Page, fieldId: string): Locator {
  return page.locator(`[id="field-${fieldId}"]`);
}

export async function goToStep(page: Page, title: string | RegExp): Promise<void> {
  await page.getByRole("navigation", { name: "填报步骤" }).getByRole("button", { name: title }).click();
  await expect(page.getByTestId("step-title")).toHaveText(title);
}

export async function expectSaved(page: Page, timeout = 15_000): Promise<void> {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout });
}

export async function storedReport(reportId: string): Promise<{ version: number; status: string; data: ReportData }> {
  return withDatabase(async (db) => {
    const report = await db.report.findUniqueOrThrow({
      where: { id: reportId },
      select: { version: true, status: true, templateId: true, data: true },
    });
    const layout = getLayout(report.templateId);
    if (!layout) throw new Error(`report ${reportId}: unknown layout ${report.templateId}`);
    const reading = parseReportData(layout, report.data);
    if (!reading.ok) throw new Error(`report ${reportId}: ${reading.error.message}`);
    return { version: report.version, status: report.status, data: reading.data };
  });
}
