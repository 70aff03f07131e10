import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The columns both kinds of frozen document share (a report's Publication, a county's
 * CountySummaryPublication), which the public site serves them from: the snapshot's data
 * and template, its HTML and PDF, the 更正说明 and the publication date.
 */
export const frozenSnapshotSelect = {
  id: true,
  sequence: true,
  templateId: true,
  data: true,
  html: true,
  pdf: true,
  pdfSha256: true,
  correctionNote: true,
  publicationDate: true,
} as const satisfies Prisma.PublicationSelect & Prisma.CountySummaryPublicationSelect;
