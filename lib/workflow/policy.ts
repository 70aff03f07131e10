// The one authorization policy. Every server action, route handler and data-reading page
// declares one action of this vocabulary and asks the policy about its subject before any
// work (lib/server/authorize.ts); the list queries draw their organizations from the same
// scope builder. Pure and synchronous, so the whole matrix is unit-tested (policy.test.ts,
// entry-points.ts) and the same answers drive the UI.
import type { Role } from "./roles";
import {
  editableStatuses,
  fitsPendingImport,
  reportStatuses,
  transitionRow,
  type ReportStatus,
  type TransitionName,
} from "./transitions";

export type { Role };

/** The signed-in user as the policy sees them; null is an anonymous visitor. */
export type Actor = {
  userId: string;
  role: Role;
  /** Clerk: their own organization. Reviewer and county administrator: their county. Admin: may be null. */
  organizationId: string | null;
  /** A new or reset account: nothing is allowed until its user has chosen a password. */
  mustChangePassword?: boolean;
} | null;

/**
 * How far the organization tree is walked, upwards for the policy's ancestors and downwards
 * for the list queries (lib/server/organization-scope.ts), so both see the same subtree.
 */
export const MAX_ORGANIZATION_DEPTH = 10;

/** Where an organization sits: itself and every organization above it. */
export type OrganizationScope = { organizationId: string; ancestorIds: readonly string[] };

/** The organization an action on one's own organization names; null for a user without one. */
export type OrganizationRef = { organizationId: string | null };

export type ReportSubject = OrganizationScope & {
  status: ReportStatus;
  /** Submitted by an import and awaiting a reviewer's confirmation (absent: no). */
  isPendingImport?: boolean;
};

/**
 * An account as an administrator acts on it: its unit (null for a system administrator,
 * who has none), its role, and whether it is the actor's own. Changing an account's unit
 * or role is asked twice, for the account as it is and as it would be.
 */
export type AccountSubject = { unit: OrganizationScope | null; role: Role; isSelf: boolean };

/** The signed-in pages, by route, and the roles each is for; anyone else is sent to their own home. */
export const staffPages = {
  "/clerk": ["CLERK"],
  "/clerk/import": ["CLERK"],
  "/clerk/reports/[id]": ["CLERK"],
  "/review": ["REVIEWER"],
  "/review/reports/[id]": ["REVIEWER", "ADMIN"],
  "/review/trends/[id]": ["REVIEWER", "ADMIN"],
  "/admin": ["ADMIN", "COUNTY_ADMIN"],
  "/admin/import": ["ADMIN"],
  "/admin/accounts": ["ADMIN", "COUNTY_ADMIN"],
  "/admin/accounts/new": ["ADMIN", "COUNTY_ADMIN"],
  "/admin/accounts/import": ["ADMIN", "COUNTY_ADMIN"],
  "/admin/accounts/[id]": ["ADMIN", "COUNTY_ADMIN"],
  "/admin/audit": ["ADMIN", "COUNTY_ADMIN"],
  "/account/password": ["CLERK", "REVIEWER", "COUNTY_ADMIN", "ADMIN"],
  "/admin/units": ["ADMIN", "COUNTY_ADMIN"],
  "/admin/units/new": ["ADMIN", "COUNTY_ADMIN"],
  "/admin/units/[id]": ["ADMIN", "COUNTY_ADMIN"],
  "/admin/units/import": ["ADMIN", "COUNTY_ADMIN"],
  "/admin/calendar": ["ADMIN", "COUNTY_ADMIN"],
  "/review/board": ["REVIEWER", "COUNTY_ADMIN", "ADMIN"],
  "/review/summary": ["REVIEWER", "COUNTY_ADMIN", "ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type StaffPage = keyof typeof staffPages;

type SubjectOf = {
  "session.signIn": null;
  "session.signOut": null;
  "system.health": null;
  "page.open": { page: StaffPage };
  /** The public catalogue of published reports. */
  "catalogue.read": null;
  "publication.read": { isPublished: boolean };
  "report.read": ReportSubject;
  "report.edit": ReportSubject;
  "report.comment": ReportSubject;
  "report.transition": ReportSubject & { transition: TransitionName };
  "report.readImportSource": ReportSubject;
  /** The clerk's answer to a review comment on the report. */
  "report.replyComment": ReportSubject;
  /** A reviewer marks a review comment on the report as dealt with (已处理). */
  "report.resolveComment": ReportSubject;
  "report.create": OrganizationRef;
  "report.importHistory": OrganizationRef;
  "organization.read": OrganizationScope;
  "review.queue": OrganizationScope;
  "admin.manage": null;
  /** Importing published reports for any county (the county is read from the upload). */
  "admin.importBatch": null;
  /** The accounts and units of the actor's administered scope (the list is filtered by it). */
  "account.list": null;
  /** One account's page: an account of the administered scope (the actor's own too). */
  "account.read": { unit: OrganizationScope | null };
  /** Uploading a list of accounts (asked before the upload is read; each row is then asked account.manage). */
  "account.import": null;
  /** Creating, resetting, disabling, enabling or changing one account. */
  "account.manage": AccountSubject;
  /** One's own password: the only thing a user who must change it may do. */
  "account.changeOwnPassword": null;
  /** The audit log (操作记录) of the actor's administered scope. */
  "audit.read": null;
  /** The units one administers, as a tree: the system administrator's all, a county administrator's own county. */
  "unit.list": null;
  /** A new unit (or an imported list, or a moved unit) placed under this parent. */
  "unit.create": OrganizationScope;
  /** Renaming, recoding, moving, retiring or restoring this unit (below a county). */
  "unit.manage": OrganizationScope;
  /** Creating a county, or changing or retiring one: the system administrator's alone. */
  "county.manage": null;
  /** Setting a county's reporting calendar. */
  "calendar.manage": OrganizationScope;
  /** Reading the reporting calendar that applies to this organization. */
  "calendar.read": OrganizationScope;
  /** A county's season board (every unit's standing against the deadline) and its exports. */
  "season.board": OrganizationScope;
  /** Sending a reminder (催报) to units of this county. */
  "season.remind": OrganizationScope;
  /** The reminders and deadline notices of this unit (its clerk's home page and wizard). */
  "notice.read": OrganizationScope;
  /** Marking a reminder to this unit as read. */
  "notice.markRead": OrganizationScope;
  /** A county's summary (全县汇总) of its units' approved and published reports. */
  "summary.read": OrganizationScope;
  /** Choosing how the county government's own report fills its tables (本级 or 全县). */
  "county.configure": OrganizationScope;
  /** Publishing the county's summary (全县汇总) of a year as a new frozen version, and its 样稿. */
  "summary.publish": OrganizationScope;
  /** Publishing every approved report of the county and year at once, as a job (lib/jobs/). */
  "season.publishReports": OrganizationScope;
  /** Following a job's progress: its starter's alone (another's job is not found). */
  "job.read": { isOwn: boolean };
  /** Sending a failed job back to the queue (重试): its starter, once it has failed. */
  "job.retry": { isOwn: boolean; hasFailed: boolean };
};

export type Action = keyof SubjectOf;

/** The actions the policy answers from the actor alone: their subject is `null`. */
export type ActorAction = { [A in Action]: SubjectOf[A] extends null ? A : never }[Action];

/** The actions on one report (its subject is the report): what authorizeReport asks about. */
export type ReportAction = { [A in Action]: SubjectOf[A] extends ReportSubject ? A : never }[Action];

/** How the policy says no: the error codes of lib/server/errors.ts it may answer with. */
export type Refusal = "UNAUTHENTICATED" | "NOT_FOUND" | "FORBIDDEN" | "INVALID_STATE" | "PASSWORD_CHANGE_REQUIRED";

// ---------------------------------------------------------------------------------------
// Scope: which organizations an actor reaches. The rules below are written with it, and the
// queries that list reports or organizations turn the same sets into SQL
// (lib/server/organization-scope.ts), so a list never shows what the policy would refuse.

/** A set of organizations: everything, nothing, one organization, or a subtree (the root and all below it). */
export type OrganizationSet =
  | { kind: "everything" }
  | { kind: "nothing" }
  | { kind: "organization"; organizationId: string }
  | { kind: "subtree"; rootId: string };

/** A county (or any organization) and everything under it: township, department, anything deeper. */
export function subtreeOf(rootId: string): OrganizationSet {
  return { kind: "subtree", rootId };
}

/** Whose reports and organizations the actor may read: admins all, reviewers and county administrators their county's subtree, clerks their own. */
export function readableOrganizations(actor: Actor): OrganizationSet {
  if (!actor) return { kind: "nothing" };
  if (actor.role === "ADMIN") return { kind: "everything" };
  if (actor.organizationId === null) return { kind: "nothing" };
  return actor.role === "REVIEWER" || actor.role === "COUNTY_ADMIN"
    ? subtreeOf(actor.organizationId)
    : { kind: "organization", organizationId: actor.organizationId };
}

/**
 * Whose accounts (and audit events) the actor administers: the system administrator all,
 * a county administrator its county's subtree, nobody else anything.
 */
export function administeredOrganizations(actor: Actor): OrganizationSet {
  if (actor?.role === "ADMIN") return { kind: "everything" };
  if (actor?.role === "COUNTY_ADMIN" && actor.organizationId !== null) return subtreeOf(actor.organizationId);
  return { kind: "nothing" };
}

/** The roles an administrator may give: a county administrator never makes a system administrator. */
export function assignableRoles(actor: Actor): readonly Role[] {
  if (actor?.role === "ADMIN") return ["CLERK", "REVIEWER", "COUNTY_ADMIN", "ADMIN"];
  if (actor?.role === "COUNTY_ADMIN") return ["CLERK", "REVIEWER", "COUNTY_ADMIN"];
  return [];
}

/** The two administrators: the system's, and a county's (who must belong to its county). */
function isAdministrator(actor: SignedIn): boolean {
  return actor.role === "ADMIN" || (actor.role === "COUNTY_ADMIN" && actor.organizationId !== null);
}

/** Whether an organization, placed by its ancestors, belongs to the set. */
export function isInSet(set: OrganizationSet, scope: OrganizationScope): boolean {
  switch (set.kind) {
    case "everything":
      return true;
    case "nothing":
      return false;
    case "organization":
      return scope.organizationId === set.organizationId;
    case "subtree":
      return scope.organizationId === set.rootId || scope.ancestorIds.includes(set.rootId);
  }
}

// ---------------------------------------------------------------------------------------
// Rules: one per action; each answers null (allowed) or how it refuses.

type SignedIn = NonNullable<Actor>;
type Rule<S> = (actor: Actor, subject: S) => Refusal | null;

const anyone: Rule<unknown> = () => null;

function allowIf(condition: boolean, refusal: Refusal): Refusal | null {
  return condition ? null : refusal;
}

/** A rule only signed-in users can ever pass; anonymous visitors are asked to sign in. */
function signedIn<S>(rule: (actor: SignedIn, subject: S) => Refusal | null): Rule<S> {
  return (actor, subject) => (actor === null ? "UNAUTHENTICATED" : rule(actor, subject));
}

/**
 * An action on one report. A report outside the actor's reach answers NOT_FOUND, the same
 * as one that does not exist, so ids cannot be probed. Within reach: the wrong actor is
 * FORBIDDEN; the right actor on a report in the wrong status gets `wrongStatus`.
 */
function onReport<S extends ReportSubject>(spec: {
  isActor: (actor: SignedIn, report: S) => boolean;
  statuses: (report: S) => readonly ReportStatus[];
  wrongStatus: Refusal;
}): Rule<S> {
  return signedIn((actor, report) => {
    if (!isInSet(readableOrganizations(actor), report)) return "NOT_FOUND";
    if (!spec.isActor(actor, report)) return "FORBIDDEN";
    return allowIf(spec.statuses(report).includes(report.status), spec.wrongStatus);
  });
}

/** An action `role` may take on its readable reports while they are in `statuses`. */
function onReportByRole(role: Role, statuses: readonly ReportStatus[], wrongStatus: Refusal): Rule<ReportSubject> {
  return onReport({ isActor: (actor) => actor.role === role, statuses: () => statuses, wrongStatus });
}

const rules: { [A in Action]: Rule<SubjectOf[A]> } = {
  "session.signIn": anyone,
  "session.signOut": anyone,
  "system.health": anyone,
  "page.open": signedIn((actor, { page }) =>
    allowIf((staffPages[page] as readonly Role[]).includes(actor.role), "FORBIDDEN"),
  ),
  "catalogue.read": anyone,
  // Published reports are public: anyone, signed in or not; nothing else is.
  "publication.read": (_actor, publication) => allowIf(publication.isPublished, "NOT_FOUND"),
  "report.read": signedIn((actor, report) => allowIf(isInSet(readableOrganizations(actor), report), "NOT_FOUND")),
  // A clerk saving a report that moved on is told its state (the wizard shows the server's copy).
  "report.edit": onReportByRole("CLERK", editableStatuses, "INVALID_STATE"),
  "report.comment": onReportByRole("REVIEWER", ["SUBMITTED"], "FORBIDDEN"),
  // The transition table says who and from where (lib/workflow/transitions.ts).
  "report.transition": onReport({
    isActor: (actor, report) => transitionRow(report.transition).role === actor.role,
    statuses: (report) =>
      fitsPendingImport(report.transition, report.isPendingImport ?? false)
        ? transitionRow(report.transition).from
        : [],
    wrongStatus: "FORBIDDEN",
  }),
  // The file an import brought in: for the county's reviewers who confirm it.
  "report.readImportSource": onReportByRole("REVIEWER", reportStatuses, "FORBIDDEN"),
  // The clerk answers while the report is back in their hands (where the wizard shows the comments).
  "report.replyComment": onReportByRole("CLERK", editableStatuses, "INVALID_STATE"),
  // The reviewer closes a comment while the report is in review or back with the clerk;
  // publishing closes what is left (lib/workflow/transitions.ts, closesComments).
  "report.resolveComment": onReportByRole("REVIEWER", ["SUBMITTED", "RETURNED", "APPROVED"], "FORBIDDEN"),
  "report.create": signedIn((actor, scope) => allowIf(isOwnClerk(actor, scope), "FORBIDDEN")),
  "report.importHistory": signedIn((actor, scope) => allowIf(isOwnClerk(actor, scope), "FORBIDDEN")),
  "organization.read": signedIn((actor, scope) => allowIf(isInSet(readableOrganizations(actor), scope), "NOT_FOUND")),
  "review.queue": signedIn((actor, scope) =>
    allowIf(
      (actor.role === "ADMIN" || actor.role === "REVIEWER") && isInSet(readableOrganizations(actor), scope),
      "NOT_FOUND",
    ),
  ),
  "admin.manage": signedIn((actor) => allowIf(actor.role === "ADMIN", "FORBIDDEN")),
  "admin.importBatch": signedIn((actor) => allowIf(actor.role === "ADMIN", "FORBIDDEN")),
  "account.list": signedIn((actor) => allowIf(isAdministrator(actor), "FORBIDDEN")),
  "account.import": signedIn((actor) => allowIf(isAdministrator(actor), "FORBIDDEN")),
  "account.read": signedIn((actor, account) => {
    if (!isAdministrator(actor)) return "FORBIDDEN";
    return allowIf(isAdministeredUnit(actor, account.unit), "NOT_FOUND");
  }),
  // Outside the administered scope an account is not found, the same as one that does not
  // exist; within it, a role the actor may not give, or the actor's own account, is refused.
  "account.manage": signedIn((actor, account) => {
    if (!isAdministrator(actor)) return "FORBIDDEN";
    if (!isAdministeredUnit(actor, account.unit)) return "NOT_FOUND";
    if (!assignableRoles(actor).includes(account.role)) return "FORBIDDEN";
    return allowIf(!account.isSelf, "FORBIDDEN");
  }),
  "account.changeOwnPassword": signedIn(() => null),
  "audit.read": signedIn((actor) => allowIf(isAdministrator(actor), "FORBIDDEN")),
  "unit.list": signedIn((actor) => allowIf(isAdministrator(actor), "FORBIDDEN")),
  // A county administrator places units anywhere in its county, the county itself included.
  "unit.create": administering(
    (actor, parent) => isAdministrator(actor) && isInSet(readableOrganizations(actor), parent),
  ),
  // …and changes any unit below its county, but not the county (a county is the system administrator's).
  "unit.manage": administering(
    (actor, unit) =>
      actor.role === "ADMIN" ||
      (actor.role === "COUNTY_ADMIN" && unit.ancestorIds.includes(actor.organizationId ?? "")),
  ),
  "county.manage": signedIn((actor) => allowIf(actor.role === "ADMIN", "FORBIDDEN")),
  "calendar.manage": administering(
    (actor, county) =>
      actor.role === "ADMIN" || (actor.role === "COUNTY_ADMIN" && county.organizationId === actor.organizationId),
  ),
  "calendar.read": signedIn((actor, scope) => allowIf(isInSet(readableOrganizations(actor), scope), "NOT_FOUND")),
  // The county's season: its reviewers and administrators (and the system administrator); a
  // county out of reach, or a clerk, is not found.
  "season.board": seasonOfCounty,
  "season.remind": seasonOfCounty,
  "notice.read": ownUnitNotices,
  "notice.markRead": ownUnitNotices,
  // The county's reviewers and administrators, and the county government's own clerk (a
  // clerk reaches only its own organization), who writes the 全县 report from the summary.
  "summary.read": signedIn((actor, county) => allowIf(isInSet(readableOrganizations(actor), county), "NOT_FOUND")),
  // With the county's season: its administrators decide, as they set its calendar.
  "county.configure": administering(
    (actor, county) =>
      actor.role === "ADMIN" || (actor.role === "COUNTY_ADMIN" && county.organizationId === actor.organizationId),
  ),
  // The county's own reviewers and administrators, as they publish its units' reports; the
  // system administrator, like for a report, does not publish; another county is not found.
  "summary.publish": administering(
    (actor, county) =>
      (actor.role === "REVIEWER" || actor.role === "COUNTY_ADMIN") && county.organizationId === actor.organizationId,
  ),
  // Publishing reports is a reviewer's transition (lib/workflow/transitions.ts): the county's
  // own reviewers start it; the job asks report.transition again for every report it publishes.
  "season.publishReports": administering(
    (actor, county) => actor.role === "REVIEWER" && county.organizationId === actor.organizationId,
  ),
  "job.read": signedIn((_actor, job) => allowIf(job.isOwn, "NOT_FOUND")),
  "job.retry": signedIn((_actor, job) => {
    if (!job.isOwn) return "NOT_FOUND";
    return allowIf(job.hasFailed, "INVALID_STATE");
  }),
};

/** What a user who must choose a new password may do besides what anyone may: open the password page and change it. */
function isAllowedBeforePasswordChange(action: Action, subject: unknown): boolean {
  if (action === "account.changeOwnPassword") return true;
  return action === "page.open" && (subject as SubjectOf["page.open"]).page === "/account/password";
}

/** An account's unit within the actor's administered scope; no unit (a system administrator's) is the system administrator's alone. */
function isAdministeredUnit(actor: SignedIn, unit: OrganizationScope | null): boolean {
  const scope = administeredOrganizations(actor);
  return unit === null ? scope.kind === "everything" : isInSet(scope, unit);
}

/**
 * An administrator's action on an organization: one outside the actor's reach is not found
 * (another county's units cannot be probed); within reach, anyone the rule does not allow
 * (a reviewer, a clerk, a county administrator on its own county) is forbidden.
 */
function administering(isAllowed: (actor: SignedIn, scope: OrganizationScope) => boolean): Rule<OrganizationScope> {
  return signedIn((actor, scope) => {
    if (!isInSet(readableOrganizations(actor), scope)) return "NOT_FOUND";
    return allowIf(isAllowed(actor, scope), "FORBIDDEN");
  });
}

function seasonOfCounty(actor: Actor, county: OrganizationScope): Refusal | null {
  if (actor === null) return "UNAUTHENTICATED";
  const isSeasonRole = actor.role === "ADMIN" || actor.role === "REVIEWER" || actor.role === "COUNTY_ADMIN";
  return allowIf(isSeasonRole && isInSet(readableOrganizations(actor), county), "NOT_FOUND");
}

/** A unit's reminders are for its own clerks; anyone else who reaches the unit is forbidden. */
function ownUnitNotices(actor: Actor, unit: OrganizationScope): Refusal | null {
  if (actor === null) return "UNAUTHENTICATED";
  if (!isInSet(readableOrganizations(actor), unit)) return "NOT_FOUND";
  return allowIf(isOwnClerk(actor, unit), "FORBIDDEN");
}

function isOwnClerk(actor: SignedIn, scope: OrganizationRef): boolean {
  return actor.role === "CLERK" && actor.organizationId !== null && actor.organizationId === scope.organizationId;
}

/** Null when the actor may; otherwise how to refuse. Fails closed: an unknown action is refused. */
export function refusalOf<A extends Action>(actor: Actor, action: A, subject: SubjectOf[A]): Refusal | null {
  const rule: Rule<SubjectOf[A]> | undefined = rules[action];
  if (!rule) return "FORBIDDEN";
  // Until then, a user who must choose a new password may do what an anonymous visitor may
  // (read what is published, sign out), and change the password.
  if (actor?.mustChangePassword && !isAllowedBeforePasswordChange(action, subject))
    return rule(null, subject) === null ? null : "PASSWORD_CHANGE_REQUIRED";
  return rule(actor, subject);
}

export function can<A extends Action>(actor: Actor, action: A, subject: SubjectOf[A]): boolean {
  return refusalOf(actor, action, subject) === null;
}

/** Actions open to everyone by design (signing in, health, the public catalogue): they refuse nobody. */
export function isOpenToEveryone(action: Action): boolean {
  return rules[action] === anyone;
}

export type { SubjectOf };
