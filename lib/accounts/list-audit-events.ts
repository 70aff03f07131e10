import "server-only";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { type Actor } from "@/lib/workflow/policy";
import { authorizeAdministeredList, organizationRowFilter, pageCount } from "./administered-scope";

export const AUDIT_EVENTS_PER_PAGE = 50;

export type AuditEventQuery = {
  unitId?: string;
  /** A username: events the user did or that were done to their account. */
  username?: string;
  action?: string;
  page: number;
};

/**
 * The audit log (操作记录) of the actor's administered scope, newest first: every event
 * recorded against a unit of the scope (account administration, report workflow), narrowed
 * by unit (its subtree), user and action. The actions recorded in the scope are returned
 * for the filter.
 */
export const listAuditEvents = defineOperation({
  name: "listAuditEvents",
  action: "audit.read",
  authorize: (actor: Actor, _query: AuditEventQuery) => authorizeAdministeredList(actor, "audit.read"),
  run: async (scope, _actor, query) => {
    const inScope = await organizationRowFilter(scope, undefined);
    const username = query.username?.trim().toLowerCase();
    const where = {
      AND: [
        ...inScope,
        ...(query.unitId ? await organizationRowFilter({ kind: "everything" }, query.unitId) : []),
        ...(username ? [{ OR: [{ actor: { is: { username } } }, { subjectUser: { is: { username } } }] }] : []),
        ...(query.action ? [{ action: query.action }] : []),
      ],
    };
    const [total, events, actions] = await Promise.all([
      db.auditEvent.count({ where }),
      db.auditEvent.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (query.page - 1) * AUDIT_EVENTS_PER_PAGE,
        take: AUDIT_EVENTS_PER_PAGE,
        select: {
          id: true,
          action: true,
          createdAt: true,
          comment: true,
          detail: true,
          actor: { select: { username: true, name: true } },
          subjectUser: { select: { username: true, name: true } },
          organization: { select: { name: true } },
          report: { select: { year: true } },
        },
      }),
      db.auditEvent.groupBy({ by: ["action"], where: { AND: inScope }, orderBy: { action: "asc" } }),
    ]);
    return {
      events,
      total,
      page: query.page,
      pageCount: pageCount(total, AUDIT_EVENTS_PER_PAGE),
      actions: actions.map((row) => row.action),
    };
  },
});
