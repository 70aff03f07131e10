import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * One published version as the version lists show it (the public report page, the review
 * page): its number, dates, 更正说明 and the PDF's SHA-256.
 */
export const publicationVersionSelect = {
  sequence: true,
  publishedAt: true,
  publicationDate: true,
  documentDate: true,
  correctionNote: true,
  pdfSha256: true,
} as const satisfies Prisma.PublicationSelect;
