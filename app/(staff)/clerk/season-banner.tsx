import { SeasonNoticeBanner } from "@/components/season/season-notice-banner";
import { formatDateTime } from "@/lib/format/date-time";
import { formatCalendarDate } from "@/lib/organizations/reporting-calendar";
import { listSeasonNotices } from "@/lib/reports/list-season-notices";
import { isAppError } from "@/lib/server/errors";
import { getCurrentUser, toActor } from "@/lib/server/session";
import { markSeasonNoticeReadAction } from "./season-notice-actions";

/**
 * The clerk's season banner (home page and wizard): the unit's deadline standing, returns
 * not yet dealt with and reminders for `year`. It asks the policy itself (notice.read), for
 * the signed-in user the page guard has already let in; anyone else sees nothing here.
 * `onlyYear`: in the wizard, only what concerns that report.
 */
export async function SeasonBanner({
  organizationId,
  year,
  onlyYear = false,
}: {
  organizationId: string | null;
  year: number;
  onlyYear?: boolean;
}) {
  const user = await getCurrentUser();
  if (!user || user.role !== "CLERK") return null;
  let season;
  try {
    season = await listSeasonNotices(toActor(user), organizationId, year, new Date());
  } catch (error) {
    if (isAppError(error)) return null;
    throw error;
  }
  const concerns = (item: { year: number }) => !onlyYear || item.year === year;
  return (
    <SeasonNoticeBanner
      year={year}
      deadline={season.deadline && { ...season.deadline, day: formatCalendarDate(season.deadline.day) }}
      returned={season.returned.filter(concerns)}
      notices={season.notices.filter(concerns).map((notice) => ({
        id: notice.id,
        year: notice.year,
        body: notice.body,
        sentAt: formatDateTime(notice.sentAt),
        deadline: formatCalendarDate(notice.deadline),
        senderName: notice.senderName,
        isRead: notice.readAt !== null,
      }))}
      markRead={markSeasonNoticeReadAction}
    />
  );
}
