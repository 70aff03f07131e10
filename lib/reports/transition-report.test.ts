/**
 * transitionReport does what its row of the table says (lib/workflow/transitions.ts),
 * against a real PostgreSQL: one report walked through every transition — submit, return,
 * submit, approve, publish, reopen for a correction — checking after each step the status,
 * the timestamp the row stamps, the return snapshot, the audit action, and that a row
 * requiring a comment refuses without one and changes nothing.
 */
import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/server/errors";
import { transitionRow, type TransitionName } from "@/lib/workflow/transitions";
import { setUpReviewDatabase } from "./testing/review-database";

const m = setUpReviewDatabase("nianbao_transitions", async () => ({
  transitionReport: (await import("./transition-report")).transitionReport,
  publishReport: (await import("./publish-report")).publishReport,
}));

async function stored(reportId: string) {
  const [report, lastEvent, snapshots] = await Promise.all([
    m.db.report.findUniqueOrThrow({
      where: { id: reportId },
      select: { status: true, version: true, submittedAt: true, approvedAt: true, publishedAt: true },
    }),
    m.db.auditEvent.findFirst({
      where: { reportId },
      orderBy: { createdAt: "desc" },
      select: { action: true, fromStatus: true, toStatus: true, comment: true },
    }),
    m.db.reportRevision.findMany({ where: { reportId, status: "RETURNED" }, select: { version: true } }),
  ]);
  return { report, lastEvent, snapshots: snapshots.map((revision) => revision.version) };
}

describe("transitionReport", () => {
  it("applies each row as the table says", async () => {
    const { steps } = m;
    const clerk = await steps.actorFor("fengcheng");
    const reviewer = await steps.actorFor("yangcheng-review");
    const reportId = await steps.startReportAsClerk(clerk, 2024);
    await steps.saveReportDataAsClerk(clerk, reportId, steps.cleanReportData("凤城镇人民政府", 2024));
    const walk: { name: TransitionName; actor: typeof clerk }[] = [
      { name: "submit", actor: clerk },
      { name: "return", actor: reviewer },
      { name: "submit", actor: clerk },
      { name: "approve", actor: reviewer },
      { name: "publish", actor: reviewer },
      { name: "reopenForCorrection", actor: reviewer },
    ];
    for (const { name, actor } of walk) {
      const row = transitionRow(name);
      const before = await stored(reportId);
      const expectedVersion = before.report.version;
      if (row.commentRequired) {
        const refused = await m
          .transitionReport(actor, { reportId, transition: name, expectedVersion, comment: "  " })
          .catch((error: AppError) => error);
        expect(refused, name).toMatchObject({ code: "INVALID_INPUT", userMessage: row.commentRequired });
        expect(await stored(reportId), name).toEqual(before);
      }
      const comment = row.commentRequired ? `${row.label}：请核实` : undefined;
      const result =
        name === "publish"
          ? await m.publishReport(actor, { reportId, expectedVersion })
          : await m.transitionReport(actor, { reportId, transition: name, expectedVersion, comment });
      const after = await stored(reportId);
      expect(result, name).toMatchObject({ status: row.to, version: expectedVersion + 1 });
      expect(after.report.status, name).toBe(row.to);
      expect(after.lastEvent, name).toEqual({
        action: row.audit,
        fromStatus: before.report.status,
        toStatus: row.to,
        comment: comment ?? null,
      });
      for (const stamp of ["submittedAt", "approvedAt", "publishedAt"] as const) {
        if (stamp === row.stamps) expect(after.report[stamp]?.getTime(), `${name} ${stamp}`).toBeGreaterThan(0);
        if (stamp === row.stamps && before.report[stamp])
          expect(after.report[stamp]!.getTime(), `${name} ${stamp}`).toBeGreaterThanOrEqual(
            before.report[stamp]!.getTime(),
          );
        if (stamp !== row.stamps) expect(after.report[stamp], `${name} ${stamp}`).toEqual(before.report[stamp]);
      }
      expect(after.snapshots, name).toEqual(
        row.keepsReturnSnapshot ? [...before.snapshots, expectedVersion + 1] : before.snapshots,
      );
    }
  });
});
