import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toDateColumn } from "@/lib/format/calendar-day";
import { toStoredReportData } from "@/lib/report-data";
import type { PublicationInput, PublicationSnapshot } from "./render-publication";

/**
 * Writes a rendered snapshot as the report's next published version, inside the caller's
 * transaction (the publish transition, or the import of a historical report). The
 * (reportId, sequence) unique key makes a concurrent second publication fail, not fork.
 * The dates are the ones the snapshot was rendered with.
 */
export async function insertPublication(
  tx: Prisma.TransactionClient,
  input: {
    reportId: string;
    publication: PublicationInput;
    snapshot: PublicationSnapshot;
    /** When the version is frozen here. */
    publishedAt: Date;
    publishedById: string | null;
  },
) {
  const { publication, snapshot } = input;
  return tx.publication.create({
    data: {
      reportId: input.reportId,
      sequence: publication.sequence,
      templateId: publication.layout.id,
      templateVersion: publication.layout.version,
      data: toStoredReportData(publication.data),
      html: snapshot.html,
      pdf: new Uint8Array(snapshot.pdf),
      pdfSha256: snapshot.pdfSha256,
      docx: new Uint8Array(snapshot.docx),
      docxSha256: snapshot.docxSha256,
      correctionNote: publication.correctionNote ?? null,
      publishedById: input.publishedById,
      publishedAt: input.publishedAt,
      publicationDate: publication.publicationDate === null ? null : toDateColumn(publication.publicationDate),
      documentDate: publication.documentDate === null ? null : toDateColumn(publication.documentDate),
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
