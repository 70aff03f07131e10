import "server-only";
import { authorize, notFoundFor } from "@/lib/server/authorize";
import { defineOperation } from "@/lib/server/define-operation";
import { loadOrganizationScope } from "@/lib/server/organization-scope";
import type { Actor } from "@/lib/workflow/policy";
import { listTrendReports } from "./list-trend-reports";
import { summarizeTrend } from "./summarize-trend";
import { findTrendOrganization } from "./find-trend-organization";

/**
 * A unit's or a county's key figures across the years on file, for a reviewer of its county
 * (or the system administrator): the figures the review has passed (list-trend-reports.ts).
 * An organization out of the reviewer's county is not found, the same as one that does not exist.
 */
export const getReviewTrends = defineOperation({
  name: "getReviewTrends",
  action: "review.queue",
  authorize: async (actor: Actor, organizationId: string) => {
    const organization = await findTrendOrganization(organizationId);
    if (!organization) throw notFoundFor(actor);
    authorize(actor, "review.queue", await loadOrganizationScope(organization.id));
    return organization;
  },
  run: async (organization) => summarizeTrend(organization, await listTrendReports(organization, "reviewed")),
});
