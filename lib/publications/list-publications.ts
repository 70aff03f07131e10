import "server-only";
import { authorize } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/workflow/policy";

export type PublicationFilter = { query?: string; year?: number; countyId?: string };

/** The newest published version of each report, for the public catalogue. */
export async function listPublications(actor: Actor, filter: PublicationFilter) {
  authorize(actor, "publication.read", { isPublished: true });
  const query = filter.query?.trim().slice(0, 50);
  const reports = await db.report.findMany({
    where: {
      status: "PUBLISHED",
      ...(filter.year ? { year: filter.year } : {}),
      organization: {
        ...(query ? { OR: [{ name: { contains: query } }, { parent: { name: { contains: query } } }] } : {}),
        ...(filter.countyId ? { OR: [{ id: filter.countyId }, { parentId: filter.countyId }] } : {}),
      },
    },
    orderBy: [{ year: "desc" }, { organization: { name: "asc" } }],
    take: 200,
    select: {
      id: true,
      year: true,
      publishedAt: true,
      organization: { select: { name: true, parent: { select: { name: true } } } },
      publications: { orderBy: { sequence: "desc" }, take: 1, select: { id: true, sequence: true, publishedAt: true } },
    },
  });
  return reports.flatMap((report) => {
    const latest = report.publications[0];
    return latest ? [{ reportId: report.id, year: report.year, organization: report.organization.name, county: report.organization.parent?.name ?? null, publicationId: latest.id, sequence: latest.sequence, publishedAt: latest.publishedAt }] : [];
  });
}
