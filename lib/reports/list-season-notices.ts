import "server-only";
import { chinaDay, fromDateColumn, type CalendarDay } from "@/lib/format/calendar-day";
import { getReportingCalendar } from "@/lib/organizations/get-reporting-calendar";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { authorizeOrganization } from "@/lib/server/organization-scope";
import type { Actor } from "@/lib/workflow/policy";
import { daysBetween, deadlineStanding, type DeadlineStanding } from "@/lib/workflow/season-deadline";

/** How many reminders the banner shows: the newest (a season has a handful). */
const SHOWN_NOTICES = 10;

export type SeasonNoticeItem = {
  /** The recipient row: what marking it read names. */
  id: string;
  /** The report year it is about. */
  year: number;
  body: string;
  sentAt: Date;
  deadline: CalendarDay;
  senderName: string | null;
  readAt: Date | null;
};

export type SeasonNotices = {
  year: number;
  /** The unit's deadline for the year and where it stands; null when the unit has no county calendar. */
  deadline: { day: CalendarDay; standing: DeadlineStanding } | null;
  /** The unit's returned reports (any year): since when, and whether anyone has edited them since. */
  returned: { year: number; days: number; isUntouched: boolean }[];
  notices: SeasonNoticeItem[];
};

/**
 * What the clerks of a unit are told about the season, unasked, on their home page and in
 * the wizard: the reminders sent to the unit for the year and those of earlier years still
 * unread, the days left to the year's deadline (or how late it is) while its report is not
 * published, and each returned report not yet resubmitted.
 */
export const listSeasonNotices = defineOperation({
  name: "listSeasonNotices",
  action: "notice.read",
  authorize: (actor: Actor, organizationId: string | null, _year: number, _now: Date) =>
    authorizeOrganization(actor, "notice.read", organizationId),
  run: async (organizationId, actor, _organizationId, year, now): Promise<SeasonNotices> => {
    const today = chinaDay(now);
    const [calendar, published, returned, recipients] = await Promise.all([
      getReportingCalendar(actor, organizationId, year),
      db.report.count({ where: { organizationId, year, status: "PUBLISHED" } }),
      db.report.findMany({
        where: { organizationId, status: "RETURNED" },
        orderBy: { year: "desc" },
        select: {
          year: true,
          version: true,
          revisions: {
            where: { status: "RETURNED", author: { role: { in: ["REVIEWER", "ADMIN"] } } },
            orderBy: { version: "desc" },
            take: 1,
            select: { version: true, createdAt: true },
          },
        },
      }),
      db.seasonNoticeRecipient.findMany({
        where: { organizationId, OR: [{ notice: { year } }, { readAt: null }] },
        orderBy: { notice: { createdAt: "desc" } },
        take: SHOWN_NOTICES,
        select: {
          id: true,
          deadline: true,
          readAt: true,
          notice: { select: { year: true, body: true, createdAt: true, sender: { select: { name: true } } } },
        },
      }),
    ]);
    const isPublished = published > 0;
    return {
      year,
      deadline:
        calendar && !isPublished && !calendar.isRetired
          ? {
              day: calendar.deadline,
              standing: deadlineStanding({ deadline: calendar.deadline, today, publishedOn: null }),
            }
          : null,
      returned: returned.flatMap((report) => {
        const baseline = report.revisions[0];
        if (!baseline) return [];
        const days = Math.max(0, daysBetween(chinaDay(baseline.createdAt), today));
        return [{ year: report.year, days, isUntouched: baseline.version === report.version }];
      }),
      notices: recipients.map((recipient) => ({
        id: recipient.id,
        year: recipient.notice.year,
        body: recipient.notice.body,
        sentAt: recipient.notice.createdAt,
        deadline: fromDateColumn(recipient.deadline),
        senderName: recipient.notice.sender?.name ?? null,
        readAt: recipient.readAt,
      })),
    };
  },
});
