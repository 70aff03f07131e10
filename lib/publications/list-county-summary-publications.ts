import "server-only";
import { authorize } from "@/lib/server/authorize";
import { defineOperation } from "@/lib/server/define-operation";
import { isUuid } from "@/lib/server/is-uuid";
import type { Actor } from "@/lib/workflow/policy";
import type { PublicationFilter } from "./list-publications";
import { normalizeSearchQuery } from "./normalize-search-query";
import type { PublicSiteReader } from "./public-site-reads";

/**
 * The newest published version of each county's summary (全县汇总) per year, for the public
 * catalogue beside the county's reports: the same filter (a name matches the county's,
 * the region is the county itself). Open to everyone; the policy is still asked.
 */
export const listCountySummaryPublications = defineOperation({
  name: "listCountySummaryPublications",
  action: "catalogue.read",
  authorize: async (actor: Actor, _filter: PublicationFilter, _reader: PublicSiteReader) =>
    authorize(actor, "catalogue.read", null),
  run: async (_authorized, _actor, filter, reader) => {
    const query = normalizeSearchQuery(filter.query);
    const countyId = filter.countyId && isUuid(filter.countyId) ? filter.countyId : undefined;
    const versions = await reader.countySummaryPublication.findMany({
      where: {
        ...(filter.year ? { year: filter.year } : {}),
        ...(countyId ? { countyId } : {}),
        ...(query ? { county: { name: { contains: query } } } : {}),
      },
      orderBy: [{ year: "desc" }, { countyId: "asc" }, { sequence: "desc" }],
      select: {
        id: true,
        countyId: true,
        year: true,
        sequence: true,
        publicationDate: true,
        county: { select: { name: true } },
      },
    });
    // Newest version first within each county and year: keep that one.
    const seen = new Set<string>();
    const latest = versions.filter((version) => {
      const key = `${version.countyId}:${version.year}`;
      return !seen.has(key) && Boolean(seen.add(key));
    });
    return latest.map((version) => ({
      publicationId: version.id,
      countyId: version.countyId,
      countyName: version.county.name,
      year: version.year,
      sequence: version.sequence,
      publicationDate: version.publicationDate,
    }));
  },
});
