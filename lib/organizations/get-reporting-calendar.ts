import "server-only";
import { authorize, notFoundFor } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { loadOrganizationScope } from "@/lib/server/organization-scope";
import type { Actor } from "@/lib/workflow/policy";
import { deadlineFor, defaultCalendarDates, type ReportingCalendar } from "./reporting-calendar";

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A county's calendar for a report year, the defaults filled in where it stored nothing.
 * For the county board and any other server code that already knows it may see the county.
 */
export async function reportingCalendarOf(countyId: string, year: number): Promise<ReportingCalendar | null> {
  const county = await db.organization.findUnique({
    where: { id: countyId },
    select: { id: true, name: true, kind: true, calendars: { where: { year } } },
  });
  if (!county || county.kind !== "COUNTY") return null;
  const stored = county.calendars[0];
  return {
    countyId: county.id,
    countyName: county.name,
    year,
    ...(stored
      ? {
          opensOn: isoDate(stored.opensOn),
          unitDeadline: isoDate(stored.unitDeadline),
          countyDeadline: isoDate(stored.countyDeadline),
        }
      : defaultCalendarDates(year)),
    isDefault: !stored,
  };
}

/** The county an organization belongs to: itself when it is one, else its nearest county above. */
async function countyOf(organizationId: string, ancestorIds: readonly string[]) {
  const chain = await db.organization.findMany({
    where: { id: { in: [organizationId, ...ancestorIds] }, kind: "COUNTY" },
    select: { id: true },
  });
  const order = [organizationId, ...ancestorIds];
  return chain.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))[0]?.id ?? null;
}

/**
 * The calendar that applies to an organization (a clerk's home page: its own unit) for a
 * report year, with the deadline for that unit: its county's, defaults filled in; and
 * whether the unit is retired (it starts no new report).
 */
export const getReportingCalendar = defineOperation({
  name: "getReportingCalendar",
  action: "calendar.read",
  authorize: async (actor: Actor, organizationId: string | null, _year: number) => {
    if (organizationId === null) throw notFoundFor(actor);
    const organization = await db.organization.findUnique({
      where: { id: organizationId },
      select: { kind: true, retiredAt: true },
    });
    if (!organization) throw notFoundFor(actor);
    const scope = await loadOrganizationScope(organizationId);
    authorize(actor, "calendar.read", scope);
    return { ...organization, scope };
  },
  run: async ({ kind, retiredAt, scope }, _actor, _organizationId, year) => {
    const countyId = await countyOf(scope.organizationId, scope.ancestorIds);
    const calendar = countyId ? await reportingCalendarOf(countyId, year) : null;
    return calendar ? { ...calendar, deadline: deadlineFor(calendar, kind), isRetired: retiredAt !== null } : null;
  },
});
