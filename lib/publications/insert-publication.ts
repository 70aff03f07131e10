import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toStoredReportData, type ReportData } from "@/lib/report-data";
import type { Layout } from "@/lib/template";
import type { PublicationSnapshot } from "./render-publication";

/**
 * Writes a rendered snapshot as the report's next published version, inside the caller's
 * transaction (the publish transition, or the import of a historical report). The
 * (reportId, sequence) unique key makes a concurrent second publication fail, not fork.
 */
export async function insertPublication(
  tx: Prisma.TransactionClient,
  input: {
    reportId: string;
    sequence: number;
    layout: Layout;
    data: ReportData;
    snapshot: PublicationSnapshot;
    publishedAt: Date;
    publishedById: string | null;
    correctionNote?: string | null;
  },
) {
  return tx.publication.create({
    data: {
      reportId: input.reportId,
      sequence: input.sequence,
      templateId: input.layout.id,
      templateVersion: input.layout.version,
      data: toStoredReportData(input.data),
      html: input.snapshot.html,
      pdf: new Uint8Array(input.snapshot.pdf),
      pdfSha256: input.snapshot.pdfSha256,
      correctionNote: input.correctionNote ?? null,
      publishedById: input.publishedById,
      publishedAt: input.publishedAt,
    },
    select: { id: true, sequence: true },
  });
}

/** The sequence number the next publication of a report takes (1 for the first). */
export async function nextPublicationSequence(tx: Prisma.TransactionClient, reportId: string): Promise<number> {
  const last = await tx.publication.findFirst({
    where: { reportId },
    orderBy: { sequence: "desc" },
    select: { sequence: true },
  });
  return (last?.sequence ?? 0) + 1;
}
