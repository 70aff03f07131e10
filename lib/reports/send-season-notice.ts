import "server-only";
import { z } from "zod";
import { toDateColumn } from "@/lib/format/calendar-day";
import { formatCalendarDate, reportYearField } from "@/lib/organizations/reporting-calendar";
import { checkedText } from "@/lib/report-data";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { authorizeSeasonBoard } from "./get-season-board";
import { organizationAuditEvent } from "./report-audit-event";

export const MAX_NOTICE_LENGTH = 500;
/** More units than any county has: a bigger list is not one the board sent. */
export const MAX_NOTICE_UNITS = 500;

export const sendSeasonNoticeInput = z.strictObject({
  year: reportYearField,
  organizationIds: z
    .array(z.uuid({ error: "所选单位无效，请刷新页面后重新选择" }), { error: "请选择要催报的单位" })
    .min(1, { error: "请选择要催报的单位" })
    .max(MAX_NOTICE_UNITS, { error: `一次最多选择 ${MAX_NOTICE_UNITS} 个单位` }),
  body: checkedText(z.string({ error: "请填写催报内容" }), {
    control: "催报内容含有无法显示的控制字符，请删除后重试。",
  })
    .trim()
    .min(1, { error: "请填写催报内容" })
    .max(MAX_NOTICE_LENGTH, { error: `催报内容不超过 ${MAX_NOTICE_LENGTH} 字` }),
});
export type SendSeasonNoticeInput = z.infer<typeof sendSeasonNoticeInput>;

/** The text the board offers: the deadline of the units' calendar, to edit before sending. */
export function defaultNoticeText(year: number, unitDeadline: string): string {
  return `请于 ${formatCalendarDate(unitDeadline)}前完成并公布 ${year} 年度政府信息公开工作年度报告；已退回的报告请按审核意见修改后重新提交。`;
}

/**
 * A reminder (催报) from a county's reviewer or administrator to some of its units: one
 * notice, one recipient row per unit with that unit's deadline, and an audit event per unit
 * (so 操作记录 filtered by the unit shows it), in one transaction. Every unit must be on the
 * county's board for the year; any other id (another county's, a retired unit, a forged one)
 * refuses the whole notice and nothing is stored. Only the in-app channel exists: a recipient
 * is delivered as it is written; an e-mail or SMS sender would start it as PENDING.
 */
export const sendSeasonNotice = defineOperation({
  name: "sendSeasonNotice",
  action: "season.remind",
  authorize: (actor: Actor, countyId: string | null, input: SendSeasonNoticeInput, now: Date) =>
    authorizeSeasonBoard(actor, "season.remind", countyId, input.year, now),
  run: async ({ countyId, board }, actor, _countyId, input, now) => {
    if (!board) throw new AppError("NOT_FOUND");
    const onBoard = new Map(board.rows.map((row) => [row.organization.id, row]));
    const units = [...new Set(input.organizationIds)];
    if (units.some((id) => !onBoard.has(id)))
      throw new AppError("INVALID_INPUT", "所选单位中有不属于本县（区）本年度应报范围的单位，请刷新页面后重新选择。");
    return db.$transaction(async (tx) => {
      const notice = await tx.seasonNotice.create({
        data: {
          countyId,
          year: input.year,
          body: input.body,
          senderId: actor?.userId ?? null,
          createdAt: now,
          recipients: {
            create: units.map((organizationId) => ({
              organizationId,
              deadline: toDateColumn(onBoard.get(organizationId)!.deadline),
              channel: "IN_APP" as const,
              delivery: "DELIVERED" as const,
              deliveredAt: now,
            })),
          },
        },
        select: { id: true },
      });
      await tx.auditEvent.createMany({
        data: units.map((organizationId) =>
          organizationAuditEvent(actor, "season.remind", organizationId, {
            comment: input.body,
            detail: { noticeId: notice.id, year: input.year, deadline: onBoard.get(organizationId)!.deadline },
          }),
        ),
      });
      return { noticeId: notice.id, recipients: units.length };
    });
  },
});
