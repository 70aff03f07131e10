import "server-only";
import { isUuid } from "@/lib/server/is-uuid";
import { authorize } from "@/lib/server/authorize";
import { defineOperation } from "@/lib/server/define-operation";
import { loadSubtrees, organizationFilter } from "@/lib/server/organization-scope";
import { subtreeOf, type Actor } from "@/lib/workflow/policy";
import { normalizeSearchQuery } from "./normalize-search-query";
import type { PublicSiteReader } from "./public-site-reads";

export type PublicationFilter = { query?: string; year?: number; countyId?: string };

/** The catalogue is open to everyone; the policy is still asked, as before any work. */
const authorizeCatalogue = async (actor: Actor) => authorize(actor, "catalogue.read", null);

/**
 * The newest published version of each report, for the public catalogue. A report counts
 * as published once it has a Publication: one reopened for a correction stays listed with
 * the version citizens already have. Nothing never published is listed. A county filter
 * takes the county's whole subtree.
 */
export const listPublications = defineOperation({
  name: "listPublications",
  action: "catalogue.read",
  authorize: (actor: Actor, _filter: PublicationFilter, _reader: PublicSiteReader) => authorizeCatalogue(actor),
  run: (_authorized, _actor, filter, reader) => publicationsOf(filter, reader),
});

async function publicationsOf(filter: PublicationFilter, reader: PublicSiteReader) {
  const query = normalizeSearchQuery(filter.query);
  const countyId = filter.countyId && isUuid(filter.countyId) ? filter.countyId : undefined;
  const reports = await reader.report.findMany({
    where: {
      publications: { some: {} },
      ...(filter.year ? { year: filter.year } : {}),
      AND: [
        query
          ? { organization: { OR: [{ name: { contains: query } }, { parent: { name: { contains: query } } }] } }
          : {},
        countyId ? { organization: await organizationFilter(subtreeOf(countyId)) } : {},
      ],
    },
    orderBy: [{ year: "desc" }, { organization: { name: "asc" } }],
    take: 200,
    select: {
      id: true,
      year: true,
      organization: { select: { id: true, name: true, kind: true, parent: { select: { name: true } } } },
      publications: {
        orderBy: { sequence: "desc" },
        take: 1,
        select: { id: true, sequence: true, publicationDate: true, documentDate: true },
      },
    },
  });
  return reports.flatMap((report) => {
    const latest = report.publications[0];
    if (!latest) return [];
    const county =
      report.organization.kind === "COUNTY" ? report.organization.name : (report.organization.parent?.name ?? null);
    return [
      {
        reportId: report.id,
        year: report.year,
        organization: report.organization.name,
        organizationId: report.organization.id,
        county,
        publicationId: latest.id,
        sequence: latest.sequence,
        /** 发布日期 and 成文日期 as the document states them (DATE columns); never the time of an import. */
        publicationDate: latest.publicationDate,
        documentDate: latest.documentDate,
      },
    ];
  });
}

/** Counties with at least one published report in their subtree, and the years published, for the search form. */
export const listPublicationFacets = defineOperation({
  name: "listPublicationFacets",
  action: "catalogue.read",
  authorize: (actor: Actor, _reader: PublicSiteReader) => authorizeCatalogue(actor),
  run: (_authorized, _actor, reader) => publicationFacets(reader),
});

async function publicationFacets(reader: PublicSiteReader) {
  const [counties, published, years] = await Promise.all([
    reader.organization.findMany({
      where: { kind: "COUNTY" },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    reader.report.findMany({
      where: { publications: { some: {} } },
      distinct: ["organizationId"],
      select: { organizationId: true },
    }),
    reader.report.findMany({
      where: { publications: { some: {} } },
      distinct: ["year"],
      orderBy: { year: "desc" },
      select: { year: true },
    }),
  ]);
  const publishing = new Set(published.map((report) => report.organizationId));
  const subtrees = await loadSubtrees(counties.map((county) => county.id));
  return {
    counties: counties.filter((county) => subtrees.get(county.id)?.some((id) => publishing.has(id))),
    years: years.map((row) => row.year),
  };
}
