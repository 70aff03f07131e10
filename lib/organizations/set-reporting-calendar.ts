import "server-only";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { authorizeCounty } from "./authorize-county";
import { defaultCalendarDates, type CalendarDates } from "./reporting-calendar";
import { auditUnitEvent } from "./unit-store";

const asDate = (date: string) => new Date(`${date}T00:00:00Z`);
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Stores a county's calendar for a report year (the form checked the dates: calendarDatesInput).
 * The county's own administrator or the system administrator; audited as calendar.set with
 * the dates before (stored or default) and after.
 */
export const setReportingCalendar = defineOperation({
  name: "setReportingCalendar",
  action: "calendar.manage",
  authorize: (actor: Actor, countyId: string, _year: number, _dates: CalendarDates) =>
    authorizeCounty(actor, "calendar.manage", countyId, "报告期只能为县（区）设置。"),
  run: (countyId, actor, _countyId, year, dates) => store(actor, countyId, year, dates),
});

async function store(actor: Actor, countyId: string, year: number, dates: CalendarDates): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.reportingCalendar.findUnique({ where: { countyId_year: { countyId, year } } });
    const data = {
      opensOn: asDate(dates.opensOn),
      unitDeadline: asDate(dates.unitDeadline),
      countyDeadline: asDate(dates.countyDeadline),
    };
    await tx.reportingCalendar.upsert({
      where: { countyId_year: { countyId, year } },
      create: { countyId, year, ...data },
      update: data,
    });
    await auditUnitEvent(tx, actor, "calendar.set", countyId, {
      year,
      before: before
        ? {
            opensOn: isoDate(before.opensOn),
            unitDeadline: isoDate(before.unitDeadline),
            countyDeadline: isoDate(before.countyDeadline),
          }
        : { ...defaultCalendarDates(year), isDefault: true },
      after: dates,
    });
  });
}
