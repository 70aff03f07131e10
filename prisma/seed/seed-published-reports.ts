// The five seed reports (fixtures/seeds-text, as they were published) as the published
// reports of their bodies: read with lib/import, stored as they were published (missing
// rows stay missing, never 0) with their publication snapshot.
//
// The seed publishes them itself, with no reviewer: it stands for the counties having
// published these reports (they are the product's published demo data on the public site).
// Nothing else publishes an import: a clerk's upload or an administrator's batch waits for a
// county reviewer's confirmation (lib/reports/write-imported-report.ts). Each seed report
// keeps its file as its ReportImport, so a clerk's later import of that year is a correction
// that a reviewer confirms, as for any imported report.
//
// Idempotent: a body that has
// its report for that year is skipped before anything is read or rendered, so a restart
// costs five lookups; a first start renders five PDFs (~1 s each cold, see
// bench/seed-published-reports.bench.ts).
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { allowServerOnlyModules } from "@/scripts/lib/allow-server-only";

export type PublishedSeed = { file: string; organizationKey: string; year: number };

export const publishedSeeds: readonly PublishedSeed[] = [
  { file: "000_fc5fadd985b29ebf.txt", organizationKey: "dongfeng", year: 2023 },
  { file: "001_1e620b80bbedd808.txt", organizationKey: "xiangyun", year: 2020 },
  { file: "002_e73d5a6c979587d5.txt", organizationKey: "kczfb", year: 2023 },
  { file: "003_92e3c06b75c4ee09.txt", organizationKey: "chaoyang", year: 2023 },
  { file: "004_f3987e0d89fa98e7.txt", organizationKey: "wangyuejing", year: 2023 },
];

const seedsDirectory = path.resolve(import.meta.dirname, "../../fixtures/seeds-text");

export async function seedPublishedReports(
  db: PrismaClient,
  organizations: ReadonlyMap<string, string>,
  now = new Date(),
): Promise<{ created: number }> {
  const pending: { seed: PublishedSeed; organizationId: string }[] = [];
  for (const seed of publishedSeeds) {
    const organizationId = organizations.get(seed.organizationKey);
    if (!organizationId) throw new Error(`seed: organization ${seed.organizationKey} is missing`);
    const existing = await db.report.findUnique({
      where: { organizationId_year: { organizationId, year: seed.year } },
      select: { id: true },
    });
    if (!existing) pending.push({ seed, organizationId });
  }
  if (pending.length === 0) return { created: 0 };

  allowServerOnlyModules();
  const [
    { readReportFile },
    { isSameOrganizationName, summarizeReading },
    { evaluateReport, printableReport, textCorrectionsRecord },
    { importAuditDetail, importRecord, importedReportData, IMPORT_AUDIT_ACTION },
    { renderPublication },
    { insertPublication },
    { getLayout },
    { toStoredReportData },
    { toDateColumn },
    fs,
  ] = await Promise.all([
    import("@/lib/import/server"),
    import("@/lib/import"),
    import("@/lib/rules"),
    import("@/lib/reports/import-record"),
    import("@/lib/publications/render-publication"),
    import("@/lib/publications/insert-publication"),
    import("@/lib/template"),
    import("@/lib/report-data"),
    import("@/lib/format/calendar-day"),
    import("node:fs/promises"),
  ]);
  for (const { seed, organizationId } of pending) {
    const filePath = path.join(seedsDirectory, seed.file);
    const reading = await readReportFile(filePath);
    const organization = await db.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { id: true, name: true, kind: true, parent: { select: { name: true } } },
    });
    if (reading.status !== "read" || reading.year !== seed.year)
      throw new Error(`seed: ${seed.file} did not read as a ${seed.year} report (${reading.status}, ${reading.year})`);
    if (
      !isSameOrganizationName(reading.organizationName, {
        name: organization.name,
        countyNames: organization.parent ? [organization.parent.name] : [],
      })
    ) {
      throw new Error(`seed: ${seed.file} is the report of ${reading.organizationName}, not of ${organization.name}`);
    }
    const layout = getLayout(reading.layoutId);
    // Published as a reviewer confirms an import: the text corrected so that it prints as it
    // reads (seed 000's **加强组织领导**, seed 002's 20231月1日; lib/reports/prepare-publication.ts).
    const printable = printableReport(layout, importedReportData({ ...reading, year: seed.year }, organization.name));
    if (printable.unresolved.length > 0)
      throw new Error(
        `seed: ${seed.file} has days no correction can guess: ${printable.unresolved.map((d) => d.raw).join(", ")}`,
      );
    const data = printable.data;
    const findings = evaluateReport({ data: reading.data, layout, organization });
    const record = importRecord({
      id: randomUUID(),
      origin: "seed",
      fileName: seed.file,
      fileBytes: await fs.readFile(filePath),
      reading,
      summary: summarizeReading(seed.file, reading, findings),
      organizationWarning: null,
      importedById: null,
    });
    // Rendering (~0.5 s) before the transaction, as every publication does.
    // The dates are the document's own (its page's 发布日期, its dated signature), never the seeding's.
    const publication = {
      layout,
      data,
      organizationName: organization.name,
      year: seed.year,
      sequence: 1,
      publicationDate: reading.publicationDate,
      documentDate: reading.documentDate,
    };
    const snapshot = await renderPublication(publication);
    const stored = toStoredReportData(data);
    await db.$transaction(async (tx) => {
      const report = await tx.report.create({
        data: {
          organizationId,
          year: seed.year,
          templateId: layout.id,
          templateVersion: layout.version,
          status: "PUBLISHED",
          publishedAt: now,
          documentDate: reading.documentDate === null ? null : toDateColumn(reading.documentDate),
          data: stored,
          revisions: { create: { version: 1, status: "PUBLISHED", data: stored } },
        },
        select: { id: true },
      });
      await tx.reportImport.create({ data: { ...record, reportId: report.id } });
      await tx.report.update({ where: { id: report.id }, data: { importId: record.id } });
      await insertPublication(tx, {
        reportId: report.id,
        publication,
        snapshot,
        publishedAt: now,
        publishedById: null,
      });
      await tx.auditEvent.create({
        data: {
          action: IMPORT_AUDIT_ACTION,
          organizationId,
          reportId: report.id,
          toStatus: "PUBLISHED",
          detail: {
            ...importAuditDetail(record, reading),
            ...(printable.corrections.length > 0
              ? { textCorrections: textCorrectionsRecord(printable.corrections) }
              : {}),
          },
        },
      });
    });
  }
  return { created: pending.length };
}
