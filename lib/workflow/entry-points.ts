// Every entry point of the app, with the policy action it declares and who may and may not
// perform it. app/entry-points.test.ts finds every exported server action and route handler
// (and every page) on disk, checks that each declares the action this table gives it, and
// runs each case below against the policy: an entry point added without a row here, or a row
// without an allowed and a refused case, fails the test.
//
// The cases use one small world: county A with township A1 (and a department under it,
// one level deeper) and township A2; county B with township B1.
import type { Action, Actor, Refusal, ReportSubject, SubjectOf } from "./policy";
import type { ReportStatus, TransitionName } from "./transitions";

const countyA = { organizationId: "county-a", ancestorIds: [] };
const townA1 = { organizationId: "town-a1", ancestorIds: ["county-a"] };
const departmentA1 = { organizationId: "department-a1", ancestorIds: ["town-a1", "county-a"] };
const townA2 = { organizationId: "town-a2", ancestorIds: ["county-a"] };
const townB1 = { organizationId: "town-b1", ancestorIds: ["county-b"] };

export const caseActors = {
  anonymous: null,
  clerkA1: { userId: "u1", role: "CLERK", organizationId: townA1.organizationId },
  clerkA2: { userId: "u2", role: "CLERK", organizationId: townA2.organizationId },
  clerkB1: { userId: "u3", role: "CLERK", organizationId: townB1.organizationId },
  reviewerA: { userId: "u4", role: "REVIEWER", organizationId: countyA.organizationId },
  reviewerB: { userId: "u5", role: "REVIEWER", organizationId: "county-b" },
  admin: { userId: "u6", role: "ADMIN", organizationId: null },
} satisfies Record<string, Actor>;

export type CaseActor = keyof typeof caseActors;

type Case<A extends Action> = { actor: CaseActor; subject: SubjectOf[A] };

export type EntryPointPolicy<A extends Action = Action> = {
  action: A;
  /** Who may: at least one case. */
  allowed: readonly Case<A>[];
  /** Who may not, with the answer they get: at least one case unless the action is open to everyone. */
  refused: readonly (Case<A> & { refusal: Refusal })[];
};

function entry<A extends Action>(policy: EntryPointPolicy<A>): EntryPointPolicy {
  return policy;
}

const report = (scope: typeof townA1, status: ReportStatus): ReportSubject => ({ ...scope, status });
const transition = (scope: typeof townA1, status: ReportStatus, name: TransitionName) => ({
  ...report(scope, status),
  transition: name,
});

const readReport = entry({
  action: "report.read",
  allowed: [
    { actor: "clerkA1", subject: report(townA1, "DRAFT") },
    { actor: "reviewerA", subject: report(departmentA1, "SUBMITTED") },
    { actor: "admin", subject: report(townB1, "PUBLISHED") },
  ],
  refused: [
    { actor: "clerkA2", subject: report(townA1, "DRAFT"), refusal: "NOT_FOUND" },
    { actor: "reviewerB", subject: report(departmentA1, "SUBMITTED"), refusal: "NOT_FOUND" },
    { actor: "anonymous", subject: report(townA1, "PUBLISHED"), refusal: "UNAUTHENTICATED" },
  ],
});

const readPublication = entry({
  action: "publication.read",
  allowed: [
    { actor: "anonymous", subject: { isPublished: true } },
    { actor: "clerkB1", subject: { isPublished: true } },
  ],
  refused: [
    { actor: "anonymous", subject: { isPublished: false }, refusal: "NOT_FOUND" },
    { actor: "reviewerA", subject: { isPublished: false }, refusal: "NOT_FOUND" },
  ],
});

const manage = entry({
  action: "admin.manage",
  allowed: [{ actor: "admin", subject: null }],
  refused: [
    { actor: "reviewerA", subject: null, refusal: "FORBIDDEN" },
    { actor: "clerkA1", subject: null, refusal: "FORBIDDEN" },
    { actor: "anonymous", subject: null, refusal: "UNAUTHENTICATED" },
  ],
});

const importHistory = entry({
  action: "report.importHistory",
  allowed: [{ actor: "clerkA1", subject: { organizationId: townA1.organizationId } }],
  refused: [
    { actor: "clerkA2", subject: { organizationId: townA1.organizationId }, refusal: "FORBIDDEN" },
    { actor: "reviewerA", subject: { organizationId: countyA.organizationId }, refusal: "FORBIDDEN" },
    { actor: "admin", subject: { organizationId: null }, refusal: "FORBIDDEN" },
    { actor: "anonymous", subject: { organizationId: null }, refusal: "UNAUTHENTICATED" },
  ],
});

/** Server actions and route handlers, by file and export. */
export const entryPoints: Record<string, EntryPointPolicy> = {
  "app/(public)/login/actions.ts#signInAction": entry({
    action: "session.signIn",
    allowed: [
      { actor: "anonymous", subject: null },
      { actor: "clerkA1", subject: null },
    ],
    refused: [],
  }),
  "app/(staff)/sign-out-action.ts#signOutAction": entry({
    action: "session.signOut",
    allowed: [
      { actor: "reviewerA", subject: null },
      { actor: "anonymous", subject: null },
    ],
    refused: [],
  }),
  "app/(staff)/clerk/actions.ts#startReportAction": entry({
    action: "report.create",
    allowed: [{ actor: "clerkA1", subject: { organizationId: townA1.organizationId } }],
    refused: [
      { actor: "clerkA2", subject: { organizationId: townA1.organizationId }, refusal: "FORBIDDEN" },
      { actor: "reviewerA", subject: { organizationId: countyA.organizationId }, refusal: "FORBIDDEN" },
      { actor: "admin", subject: { organizationId: null }, refusal: "FORBIDDEN" },
      { actor: "anonymous", subject: { organizationId: null }, refusal: "UNAUTHENTICATED" },
    ],
  }),
  "app/(staff)/clerk/reports/[id]/actions.ts#saveDraftAction": entry({
    action: "report.edit",
    allowed: [
      { actor: "clerkA1", subject: report(townA1, "DRAFT") },
      { actor: "clerkA1", subject: report(townA1, "RETURNED") },
    ],
    refused: [
      { actor: "clerkA2", subject: report(townA1, "DRAFT"), refusal: "NOT_FOUND" },
      { actor: "reviewerB", subject: report(townA1, "DRAFT"), refusal: "NOT_FOUND" },
      { actor: "reviewerA", subject: report(townA1, "DRAFT"), refusal: "FORBIDDEN" },
      { actor: "clerkA1", subject: report(townA1, "SUBMITTED"), refusal: "INVALID_STATE" },
      { actor: "anonymous", subject: report(townA1, "DRAFT"), refusal: "UNAUTHENTICATED" },
    ],
  }),
  "app/(staff)/clerk/reports/[id]/actions.ts#submitReportAction": entry({
    action: "report.transition",
    allowed: [
      { actor: "clerkA1", subject: transition(townA1, "DRAFT", "submit") },
      { actor: "clerkA1", subject: transition(townA1, "RETURNED", "submit") },
    ],
    refused: [
      { actor: "clerkA2", subject: transition(townA1, "DRAFT", "submit"), refusal: "NOT_FOUND" },
      { actor: "reviewerA", subject: transition(townA1, "DRAFT", "submit"), refusal: "FORBIDDEN" },
      { actor: "clerkA1", subject: transition(townA1, "SUBMITTED", "submit"), refusal: "FORBIDDEN" },
    ],
  }),
  "app/(staff)/review/actions.ts#addReviewCommentAction": entry({
    action: "report.comment",
    allowed: [
      { actor: "reviewerA", subject: report(townA1, "SUBMITTED") },
      { actor: "reviewerA", subject: report(departmentA1, "SUBMITTED") },
    ],
    refused: [
      { actor: "reviewerB", subject: report(townA1, "SUBMITTED"), refusal: "NOT_FOUND" },
      { actor: "clerkA1", subject: report(townA1, "SUBMITTED"), refusal: "FORBIDDEN" },
      { actor: "reviewerA", subject: report(townA1, "RETURNED"), refusal: "FORBIDDEN" },
    ],
  }),
  "app/(staff)/review/actions.ts#returnReportAction": entry({
    action: "report.transition",
    allowed: [
      { actor: "reviewerA", subject: transition(townA1, "SUBMITTED", "return") },
      { actor: "reviewerA", subject: transition(departmentA1, "APPROVED", "return") },
    ],
    refused: [
      { actor: "reviewerB", subject: transition(townA1, "SUBMITTED", "return"), refusal: "NOT_FOUND" },
      { actor: "clerkA1", subject: transition(townA1, "SUBMITTED", "return"), refusal: "FORBIDDEN" },
      { actor: "reviewerA", subject: transition(townA1, "DRAFT", "return"), refusal: "FORBIDDEN" },
    ],
  }),
  "app/(staff)/review/actions.ts#approveReportAction": entry({
    action: "report.transition",
    allowed: [{ actor: "reviewerA", subject: transition(townA1, "SUBMITTED", "approve") }],
    refused: [
      // Issue 11.9: another county's published report is not found, whatever the input says.
      { actor: "reviewerB", subject: transition(townA1, "PUBLISHED", "approve"), refusal: "NOT_FOUND" },
      { actor: "admin", subject: transition(townA1, "SUBMITTED", "approve"), refusal: "FORBIDDEN" },
      { actor: "reviewerA", subject: transition(townA1, "PUBLISHED", "approve"), refusal: "FORBIDDEN" },
    ],
  }),
  "app/(staff)/review/actions.ts#publishReportAction": entry({
    action: "report.transition",
    allowed: [{ actor: "reviewerA", subject: transition(townA1, "APPROVED", "publish") }],
    refused: [
      { actor: "reviewerB", subject: transition(townA1, "APPROVED", "publish"), refusal: "NOT_FOUND" },
      { actor: "reviewerA", subject: transition(townA1, "SUBMITTED", "publish"), refusal: "FORBIDDEN" },
      { actor: "clerkA1", subject: transition(townA1, "APPROVED", "publish"), refusal: "FORBIDDEN" },
    ],
  }),
  "app/(staff)/review/actions.ts#reopenReportAction": entry({
    action: "report.transition",
    allowed: [{ actor: "reviewerA", subject: transition(townA1, "PUBLISHED", "reopenForCorrection") }],
    refused: [
      { actor: "reviewerB", subject: transition(townA1, "PUBLISHED", "reopenForCorrection"), refusal: "NOT_FOUND" },
      { actor: "reviewerA", subject: transition(townA1, "SUBMITTED", "reopenForCorrection"), refusal: "FORBIDDEN" },
    ],
  }),
  "app/api/health/route.ts#GET": entry({
    action: "system.health",
    allowed: [{ actor: "anonymous", subject: null }],
    refused: [],
  }),
  "app/api/import/batch/route.ts#POST": entry({
    action: "admin.importBatch",
    allowed: [{ actor: "admin", subject: null }],
    refused: [
      { actor: "reviewerA", subject: null, refusal: "FORBIDDEN" },
      { actor: "clerkA1", subject: null, refusal: "FORBIDDEN" },
      { actor: "anonymous", subject: null, refusal: "UNAUTHENTICATED" },
    ],
  }),
  "app/api/import/history/route.ts#POST": importHistory,
  "app/api/reports/[id]/data/route.ts#GET": readReport,
  "app/(public)/reports/[reportId]/route.ts#GET": readPublication,
  "app/(public)/reports/[reportId]/pdf/route.ts#GET": readPublication,
  "app/(public)/reports/[reportId]/json/route.ts#GET": readPublication,
  "app/(public)/reports/[reportId]/csv/route.ts#GET": readPublication,
  "app/(public)/reports/[reportId]/v/[sequence]/route.ts#GET": readPublication,
  "app/(public)/reports/[reportId]/v/[sequence]/pdf/route.ts#GET": readPublication,
  "app/(public)/reports/[reportId]/v/[sequence]/json/route.ts#GET": readPublication,
  "app/(public)/reports/[reportId]/v/[sequence]/csv/route.ts#GET": readPublication,
};

/** Data-reading pages, by file: the action their loadStaffPage / loadPublicPage declares. */
export const pageEntryPoints: Record<string, EntryPointPolicy> = {
  "app/(public)/page.tsx": entry({
    action: "catalogue.read",
    allowed: [
      { actor: "anonymous", subject: null },
      { actor: "reviewerB", subject: null },
    ],
    refused: [],
  }),
  "app/(staff)/clerk/page.tsx": entry({
    action: "organization.read",
    allowed: [
      { actor: "clerkA1", subject: townA1 },
      { actor: "reviewerA", subject: departmentA1 },
    ],
    refused: [
      { actor: "clerkA2", subject: townA1, refusal: "NOT_FOUND" },
      { actor: "reviewerB", subject: townA1, refusal: "NOT_FOUND" },
    ],
  }),
  "app/(staff)/clerk/import/page.tsx": importHistory,
  "app/(staff)/clerk/reports/[id]/page.tsx": readReport,
  "app/(staff)/review/page.tsx": entry({
    action: "review.queue",
    allowed: [
      { actor: "reviewerA", subject: countyA },
      { actor: "admin", subject: countyA },
    ],
    refused: [
      { actor: "reviewerB", subject: countyA, refusal: "NOT_FOUND" },
      { actor: "clerkA1", subject: townA1, refusal: "NOT_FOUND" },
    ],
  }),
  "app/(staff)/review/reports/[id]/page.tsx": readReport,
  "app/(staff)/admin/page.tsx": manage,
  "app/(staff)/admin/import/page.tsx": manage,
};

/** Pages that read no data of their own, and why. */
export const pagesWithoutData: Record<string, string> = {
  "app/(public)/login/page.tsx": "the sign-in form; it reads only who is signed in, to send them home",
};
