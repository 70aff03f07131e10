import "server-only";
import { isUuid } from "@/lib/server/is-uuid";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { frozenSnapshotSelect } from "./frozen-snapshot-select";
import { namedVersion, readableVersion, refuseMalformedRef } from "./public-version";
import { publicationVersionSelect } from "./publication-version-select";

/** `null` = the latest version; otherwise the version number from a versioned URL. */
export type PublicationRef = { reportId: string; sequence: number | null };

/** Parses the sequence segment of a versioned URL (1, 2, …); anything else is not found. */
export function parseSequence(segment: string): number {
  if (!/^[1-9]\d{0,5}$/.test(segment)) throw new AppError("NOT_FOUND");
  return Number(segment);
}

/**
 * Which publication a public URL names, with just enough to answer a conditional request
 * (ETag from the PDF's SHA-256) before loading the snapshot. Reports never published —
 * drafts, submitted, returned, approved — have no publication and are not found, exactly
 * like ids that do not exist. A published report being corrected keeps its published
 * versions online: they are the public record until the correction is published.
 */
export async function findPublicPublication(ref: PublicationRef) {
  refuseMalformedRef(!isUuid(ref.reportId));
  const publication = await db.publication.findFirst({
    where: { reportId: ref.reportId, ...namedVersion(ref.sequence) },
    orderBy: { sequence: "desc" },
    select: { id: true, sequence: true, pdfSha256: true, docxSha256: true },
  });
  return readableVersion(publication);
}

/** The frozen snapshot of one publication and the report it belongs to. */
export async function loadPublicPublication(publicationId: string) {
  return db.publication.findUniqueOrThrow({
    where: { id: publicationId },
    select: {
      ...frozenSnapshotSelect,
      reportId: true,
      docx: true,
      docxSha256: true,
      publishedAt: true,
      documentDate: true,
      report: {
        select: { year: true, organization: { select: { id: true, name: true, parent: { select: { name: true } } } } },
      },
    },
  });
}

/** Every published version of a report, newest first, with its 更正说明. */
export async function listPublicVersions(reportId: string) {
  return db.publication.findMany({
    where: { reportId },
    orderBy: { sequence: "desc" },
    select: publicationVersionSelect,
  });
}
