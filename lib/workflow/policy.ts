// The one authorization policy: every server action, route handler and data-reading page
// asks `can(actor, action, subject)` before doing anything. Pure and synchronous, so the
// whole matrix is unit-tested (policy.test.ts) and the same answers drive the UI.
import { canTransition, editableStatuses, type ReportStatus, type TransitionName } from "./transitions";

export type Role = "CLERK" | "REVIEWER" | "ADMIN";

/** The signed-in user as the policy sees them; null is an anonymous visitor. */
export type Actor = {
  userId: string;
  role: Role;
  /** Clerk: their own organization. Reviewer: their county. Admin: may be null. */
  organizationId: string | null;
} | null;

/** Where an organization sits: itself and every organization above it. */
export type OrganizationScope = { organizationId: string; ancestorIds: readonly string[] };

export type ReportSubject = OrganizationScope & { status: ReportStatus };

type SubjectOf = {
  "report.read": ReportSubject;
  "report.edit": ReportSubject;
  "report.comment": ReportSubject;
  "report.transition": ReportSubject & { transition: TransitionName };
  "report.create": OrganizationScope;
  "report.importHistory": OrganizationScope;
  "organization.read": OrganizationScope;
  "review.queue": OrganizationScope;
  "publication.read": { isPublished: boolean };
  "admin.manage": null;
  "admin.importBatch": OrganizationScope;
};

export type Action = keyof SubjectOf;

const transitionRoles: Record<TransitionName, Role> = {
  submit: "CLERK",
  return: "REVIEWER",
  approve: "REVIEWER",
  publish: "REVIEWER",
  reopenForCorrection: "REVIEWER",
};

function isOwnOrganization(actor: NonNullable<Actor>, scope: OrganizationScope): boolean {
  return actor.organizationId !== null && actor.organizationId === scope.organizationId;
}

/** A reviewer's county covers the county itself and everything under it. */
function isWithinCounty(actor: NonNullable<Actor>, scope: OrganizationScope): boolean {
  return (
    actor.organizationId !== null &&
    (actor.organizationId === scope.organizationId || scope.ancestorIds.includes(actor.organizationId))
  );
}

type SignedIn = NonNullable<Actor>;
type Rule<S> = (actor: Actor, subject: S) => boolean;

/** Wraps a rule that only signed-in users can ever pass. */
function signedIn<S>(rule: (actor: SignedIn, subject: S) => boolean): Rule<S> {
  return (actor, subject) => actor !== null && rule(actor, subject);
}

/** One rule per action; the mapped type gives each its own subject type. */
const rules: { [A in Action]: Rule<SubjectOf[A]> } = {
  "report.read": signedIn(
    (actor, report) =>
      actor.role === "ADMIN" ||
      (actor.role === "CLERK"
        ? isOwnOrganization(actor, report)
        : actor.role === "REVIEWER" && isWithinCounty(actor, report)),
  ),
  "report.edit": signedIn(
    (actor, report) =>
      actor.role === "CLERK" && isOwnOrganization(actor, report) && editableStatuses.includes(report.status),
  ),
  "report.comment": signedIn(
    (actor, report) => actor.role === "REVIEWER" && isWithinCounty(actor, report) && report.status === "SUBMITTED",
  ),
  "report.transition": signedIn(
    (actor, report) =>
      canTransition(report.transition, report.status) &&
      transitionRoles[report.transition] === actor.role &&
      (actor.role === "CLERK" ? isOwnOrganization(actor, report) : isWithinCounty(actor, report)),
  ),
  "report.create": signedIn((actor, scope) => actor.role === "CLERK" && isOwnOrganization(actor, scope)),
  "report.importHistory": signedIn((actor, scope) => actor.role === "CLERK" && isOwnOrganization(actor, scope)),
  "organization.read": signedIn(
    (actor, scope) =>
      actor.role === "ADMIN" ||
      (actor.role === "REVIEWER" ? isWithinCounty(actor, scope) : isOwnOrganization(actor, scope)),
  ),
  "review.queue": signedIn(
    (actor, scope) => actor.role === "ADMIN" || (actor.role === "REVIEWER" && isWithinCounty(actor, scope)),
  ),
  // Published reports are public: anyone, signed in or not.
  "publication.read": (_actor, publication) => publication.isPublished,
  "admin.manage": signedIn((actor) => actor.role === "ADMIN"),
  "admin.importBatch": signedIn((actor) => actor.role === "ADMIN"),
};

/** Fails closed: unknown actions are refused; every rule refuses what it does not allow. */
export function can<A extends Action>(actor: Actor, action: A, subject: SubjectOf[A]): boolean {
  const rule: Rule<SubjectOf[A]> | undefined = rules[action];
  return rule ? rule(actor, subject) : false;
}

export type { SubjectOf };
