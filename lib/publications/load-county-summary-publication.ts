import "server-only";
import { authorize } from "@/lib/server/authorize";
import { isUuid } from "@/lib/server/is-uuid";
import type { PublicSiteReader } from "./public-site-reads";

/** A county's summary of a year; `sequence` null = the latest version. */
export type SummaryPublicationRef = { countyId: string; year: number | null; sequence: number | null };

/** The public URL of a county's summary of a year (its latest version). */
export function summaryPublicationPath(countyId: string, year: number): string {
  return `/reports/county-summary/${countyId}/${year}`;
}

/** Parses the year segment of a summary URL; anything else names nothing. */
export function parseSummaryYear(segment: string): number | null {
  return /^(19|20|21)\d{2}$/.test(segment) ? Number(segment) : null;
}

/**
 * Which version of a county's published summary a public URL names, with what its ETag is
 * made of; a summary never published, a malformed id or year answer not found, like a
 * report never published.
 */
export async function findPublicSummaryPublication(ref: SummaryPublicationRef, reader: PublicSiteReader) {
  if (!isUuid(ref.countyId) || ref.year === null) authorize(null, "publication.read", { isPublished: false });
  const publication = await reader.countySummaryPublication.findFirst({
    where: {
      countyId: ref.countyId,
      year: ref.year!,
      ...(ref.sequence === null ? {} : { sequence: ref.sequence }),
    },
    orderBy: { sequence: "desc" },
    select: { id: true, sequence: true, pdfSha256: true },
  });
  authorize(null, "publication.read", { isPublished: publication !== null });
  return { ...publication!, docxSha256: null };
}

/** The frozen snapshot of one summary version and its county. */
export async function loadPublicSummaryPublication(publicationId: string, reader: PublicSiteReader) {
  return reader.countySummaryPublication.findUniqueOrThrow({
    where: { id: publicationId },
    select: {
      id: true,
      countyId: true,
      year: true,
      sequence: true,
      templateId: true,
      data: true,
      includedUnits: true,
      excludedUnits: true,
      html: true,
      pdf: true,
      pdfSha256: true,
      correctionNote: true,
      publicationDate: true,
      county: { select: { name: true } },
    },
  });
}

/** Every published version of a county's summary of a year, newest first. */
export async function listSummaryVersions(countyId: string, year: number, reader: PublicSiteReader) {
  return reader.countySummaryPublication.findMany({
    where: { countyId, year },
    orderBy: { sequence: "desc" },
    select: { sequence: true, publishedAt: true, publicationDate: true, correctionNote: true, pdfSha256: true },
  });
}
