"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors/action-result";
import { deadlineStandingLabel, returnedUntouchedLabel, type DeadlineStanding } from "@/lib/workflow/season-deadline";
import "./season.css";

export type SeasonBannerNotice = {
  id: string;
  year: number;
  body: string;
  /** As the server words it (Beijing time). */
  sentAt: string;
  /** 2027 年 1 月 31 日 */
  deadline: string;
  senderName: string | null;
  isRead: boolean;
};

export type SeasonBannerProps = {
  year: number;
  /** The year's deadline (worded, 2027 年 1 月 31 日) and where the unit stands against it. */
  deadline: { day: string; standing: DeadlineStanding } | null;
  returned: { year: number; days: number; isUntouched: boolean }[];
  notices: SeasonBannerNotice[];
  markRead: (input: { noticeId: string }) => Promise<ActionResult<{ id: string }>>;
};

/**
 * What a clerk is told about the season without asking (home page and wizard): the days
 * left to the deadline or how late the report is, a return not yet dealt with, and the
 * county's reminders (催报), each of which the clerk can mark read.
 */
export function SeasonNoticeBanner({ year, deadline, returned, notices, markRead }: SeasonBannerProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  if (!deadline && returned.length === 0 && notices.length === 0) return null;
  const isUrgent = deadline?.standing.kind === "overdue" || notices.some((notice) => !notice.isRead);
  return (
    <section
      className={`notice ${isUrgent || returned.length > 0 ? "notice--warning" : ""} season-banner`}
      aria-label="报告期限与催报通知"
      data-testid="season-banner"
    >
      {deadline && (
        <p data-testid="season-deadline">
          {year} 年度报告：<strong>{deadlineStandingLabel(deadline.standing)}</strong>（公布期限 {deadline.day}）
        </p>
      )}
      {returned.map((report) => (
        <p key={report.year} data-testid="season-returned">
          <strong>{report.year} 年度报告退回意见尚未处理</strong>
          {report.isUntouched ? `（${returnedUntouchedLabel(report.days)}）` : ""}
          ：请按审核意见修改后重新提交。
        </p>
      ))}
      {notices.length > 0 && (
        <ul className="season-banner__notices" data-testid="season-notices">
          {notices.map((notice) => (
            <li key={notice.id} className="season-banner__notice" data-read={notice.isRead}>
              <strong>{notice.isRead ? "催报通知（已读）" : "催报通知"}</strong>：{notice.body}
              <br />
              <span className="muted">
                {notice.senderName ?? "审核人员"} · {notice.sentAt} · {notice.year} 年度，公布期限 {notice.deadline}
              </span>{" "}
              {!notice.isRead && (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={isPending}
                  onClick={() =>
                    startTransition(async () => {
                      const result = await markRead({ noticeId: notice.id });
                      if (result.ok) router.refresh();
                      else setError(result.message);
                    })
                  }
                >
                  标记为已读
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
