import "server-only";
import { compareYears } from "@/lib/review/compare-years";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { authorizeReport } from "./authorize-report";
import { layoutOf, parseStoredData } from "./evaluate-stored-report";

/**
 * The review page's 与上年对比: this report beside the same organization's report of the year
 * before, cell by cell (lib/review/compare-years.ts). Last year counts as the trends do on the
 * review side (list-trend-reports.ts): an approved or published report, or the latest
 * publication of one reopened for a correction; a draft or unreviewed report of last year is
 * not compared with.
 */
export const getLastYearComparison = defineOperation({
  name: "getLastYearComparison",
  action: "report.read",
  authorize: (actor: Actor, reportId: string) => authorizeReport(actor, "report.read", reportId),
  run: async ({ report }) => {
    const layout = layoutOf(report);
    const current = { layout, data: parseStoredData(layout, report.data) };
    const previous = await db.report.findUnique({
      where: { organizationId_year: { organizationId: report.organizationId, year: report.year - 1 } },
      select: {
        status: true,
        templateId: true,
        data: true,
        publications: { orderBy: { sequence: "desc" }, take: 1, select: { templateId: true, data: true } },
      },
    });
    const isReviewed = previous?.status === "APPROVED" || previous?.status === "PUBLISHED";
    const stored = previous && (isReviewed ? previous : previous.publications[0]);
    const base = { organizationId: report.organizationId, year: report.year - 1 };
    if (!stored) return { ...base, comparison: null };
    const previousLayout = layoutOf(stored);
    const comparison = compareYears(current, {
      layout: previousLayout,
      data: parseStoredData(previousLayout, stored.data),
    });
    return { ...base, comparison };
  },
});

export type LastYearComparison = Awaited<ReturnType<typeof getLastYearComparison>>;
