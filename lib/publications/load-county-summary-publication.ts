import "server-only";
import { db } from "@/lib/server/db";
import { isUuid } from "@/lib/server/is-uuid";
import { frozenSnapshotSelect } from "./frozen-snapshot-select";
import { namedVersion, readableVersion, refuseMalformedRef } from "./public-version";

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
export async function findPublicSummaryPublication(ref: SummaryPublicationRef) {
  refuseMalformedRef(!isUuid(ref.countyId) || ref.year === null);
  const publication = await db.countySummaryPublication.findFirst({
    where: { countyId: ref.countyId, year: ref.year!, ...namedVersion(ref.sequence) },
    orderBy: { sequence: "desc" },
    select: { id: true, sequence: true, pdfSha256: true },
  });
  return { ...readableVersion(publication), docxSha256: null };
}

/** What a summary version holds besides the frozen snapshot: whose, which year, which units it adds up. */
const summaryColumns = { countyId: true, year: true, includedUnits: true, excludedUnits: true } as const;

/** The frozen snapshot of one summary version and its county. */
export async function loadPublicSummaryPublication(publicationId: string) {
  return db.countySummaryPublication.findUniqueOrThrow({
    where: { id: publicationId },
    select: { ...frozenSnapshotSelect, ...summaryColumns, county: { select: { name: true } } },
  });
}

/** Every published version of a county's summary of a year, newest first. */
export async function listSummaryVersions(countyId: string, year: number) {
  return db.countySummaryPublication.findMany({
    where: { countyId, year },
    orderBy: { sequence: "desc" },
    select: { sequence: true, publishedAt: true, publicationDate: true, correctionNote: true, pdfSha256: true },
  });
}
