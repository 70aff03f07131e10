/**
 * Freezes a report the journeys planted as PUBLISHED (e2e/wizard-helpers.ts createReport) as
 * its next published version, the way publication does: rendered by the real renderers
 * (lib/publications/render-publication.ts, in the render pool) and stored by
 * insertPublication, dated today. Last year's published version is what the next year's
 * report carries over and is checked against, so a planted status alone is not enough.
 * Loaded by publication-cli.ts once server-only modules are allowed.
 */
import { chinaDay } from "@/lib/format/calendar-day";
import { insertPublication, nextPublicationSequence } from "@/lib/publications/insert-publication";
import { renderPublication } from "@/lib/publications/render-publication";
import { sharedRenderPool } from "@/lib/render/render-in-worker";
import { layoutOf, parseStoredData } from "@/lib/reports/evaluate-stored-report";
import { db } from "@/lib/server/db";
import { runCliStep } from "./cli-step";

async function publish({ reportId }: { reportId: string }) {
  const report = await db.report.findUniqueOrThrow({
    where: { id: reportId },
    select: { templateId: true, year: true, data: true, organization: { select: { name: true } } },
  });
  const layout = layoutOf(report);
  const today = chinaDay(new Date());
  const sequence = await nextPublicationSequence(db, reportId);
  const publication = {
    layout,
    data: parseStoredData(layout, report.data),
    organizationName: report.organization.name,
    year: report.year,
    sequence,
    publicationDate: today,
    documentDate: today,
  };
  const snapshot = await renderPublication(publication).finally(() => sharedRenderPool().destroy());
  const now = new Date();
  return db.$transaction(async (tx) => {
    await tx.report.update({ where: { id: reportId }, data: { status: "PUBLISHED", publishedAt: now } });
    return insertPublication(tx, { reportId, publication, snapshot, publishedAt: now, publishedById: null });
  });
}

export function runPublicationStep(): void {
  runCliStep(async (step, args) => {
    if (step !== "publish") throw new Error(`unknown step ${step}`);
    return publish(args as { reportId: string });
  });
}
