// Every entry point of the app, with the policy action it declares and who may and may not
// perform it. app/entry-points.test.ts finds every exported server action and route handler
// (and every page) on disk, checks that each declares the action this table gives it, and
// runs each case below against the policy: an entry point added without a row here, or a row
// without an allowed and a refused case, fails the test.
//
// The cases use one small world: county A with township A1 (and a department under it,
// one level deeper) and township A2; county B with township B1. Each county has a county
// administrator; one clerk and one county administrator still have to choose a password.
import type { Action, Actor, OrganizationScope, Refusal, ReportAction, Role, SubjectOf } from "./policy";
import type { ReportStatus, TransitionName } from "./transitions";

const countyA = { organizationId: "county-a", ancestorIds: [] };
const townA1 = { organizationId: "town-a1", ancestorIds: ["county-a"] };
const departmentA1 = { organizationId: "department-a1", ancestorIds: ["town-a1", "county-a"] };
const townA2 = { organizationId: "town-a2", ancestorIds: ["county-a"] };
const countyB = { organizationId: "county-b", ancestorIds: [] };
const townB1 = { organizationId: "town-b1", ancestorIds: ["county-b"] };
const scopes = { countyA, townA1, departmentA1, townA2, countyB, townB1 };
type ScopeName = keyof typeof scopes;

export const caseActors = {
  anonymous: null,
  clerkA1: { userId: "u1", role: "CLERK", organizationId: townA1.organizationId },
  clerkA2: { userId: "u2", role: "CLERK", organizationId: townA2.organizationId },
  clerkB1: { userId: "u3", role: "CLERK", organizationId: townB1.organizationId },
  reviewerA: { userId: "u4", role: "REVIEWER", organizationId: countyA.organizationId },
  reviewerB: { userId: "u5", role: "REVIEWER", organizationId: "county-b" },
  admin: { userId: "u6", role: "ADMIN", organizationId: null },
  countyAdminA: { userId: "u7", role: "COUNTY_ADMIN", organizationId: countyA.organizationId },
  countyAdminB: { userId: "u8", role: "COUNTY_ADMIN", organizationId: "county-b" },
  newClerkA1: { userId: "u9", role: "CLERK", organizationId: townA1.organizationId, mustChangePassword: true },
  newCountyAdminA: {
    userId: "u10",
    role: "COUNTY_ADMIN",
    organizationId: countyA.organizationId,
    mustChangePassword: true,
  },
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

/** The same case for each of several actors: one case per actor, the rest of the case as given. */
function each<const Rest extends readonly unknown[]>(
  actors: readonly CaseActor[],
  ...rest: Rest
): (readonly [CaseActor, ...Rest])[] {
  return actors.map((actor) => [actor, ...rest] as const);
}

type Allowed<S> = readonly [actor: CaseActor, subject: S];
type Refused<S> = readonly [actor: CaseActor, subject: S, refusal: Refusal];

/** A row of the table: the action, who may (actor, subject) and who may not (actor, subject, answer). */
function entry<A extends Action>(
  action: A,
  allowed: readonly Allowed<SubjectOf[A]>[],
  refused: readonly Refused<SubjectOf[A]>[] = [],
): EntryPointPolicy {
  return {
    action,
    allowed: allowed.map(([actor, subject]) => ({ actor, subject })),
    refused: refused.map(([actor, subject, refusal]) => ({ actor, subject, refusal })),
  };
}

type Scope = typeof townA1;

/**
 * The cases of an action on an organization or on one report, written as words: who and where
 * ("reviewerA countyA"), for a report also its status ("clerkA1 townA1 DRAFT"); a refused case
 * ends with the answer ("reviewerB countyA NOT_FOUND"). The types admit only known names.
 */
type ScopeCase = `${CaseActor} ${ScopeName}`;
type ReportCase = `${ScopeCase} ${ReportStatus}`;

/** The same case for each of several actors: `rest` is the case without its actor. */
function everyOf<const Rest extends string>(actors: readonly CaseActor[], rest: Rest): `${CaseActor} ${Rest}`[] {
  return actors.map((actor) => `${actor} ${rest}` as const);
}

function wordsOf<Words extends readonly string[]>(text: string): Words {
  return text.split(" ") as readonly string[] as Words;
}

/** The actions whose subject is an organization. */
type ScopeAction = { [A in Action]: SubjectOf[A] extends OrganizationScope ? A : never }[Action];

/** A row for an action on one organization, its cases given as words (see ScopeCase). */
function onScope(
  action: ScopeAction,
  allowed: readonly ScopeCase[],
  refused: readonly `${ScopeCase} ${Refusal}`[],
): EntryPointPolicy {
  return entry(
    action,
    allowed.map((text) => {
      const [actor, scope] = wordsOf<[CaseActor, ScopeName]>(text);
      return [actor, scopes[scope]] as const;
    }),
    refused.map((text) => {
      const [actor, scope, refusal] = wordsOf<[CaseActor, ScopeName, Refusal]>(text);
      return [actor, scopes[scope], refusal] as const;
    }),
  );
}

/**
 * A row for an action on one report (with `transition`, that transition), its cases given as
 * words (see ReportCase).
 */
function onReport(
  action: ReportAction,
  allowed: readonly ReportCase[],
  refused: readonly `${ReportCase} ${Refusal}`[],
  transition?: TransitionName,
): EntryPointPolicy {
  const subject = (scope: ScopeName, status: ReportStatus) => ({
    ...scopes[scope],
    status,
    ...(transition ? { transition } : {}),
  });
  return entry(
    action,
    allowed.map((text) => {
      const [actor, scope, status] = wordsOf<[CaseActor, ScopeName, ReportStatus]>(text);
      return [actor, subject(scope, status)] as const;
    }),
    refused.map((text) => {
      const [actor, scope, status, refusal] = wordsOf<[CaseActor, ScopeName, ReportStatus, Refusal]>(text);
      return [actor, subject(scope, status), refusal] as const;
    }),
  );
}

/**
 * The refusals of an action on a report of town A1 at `status` that depend only on who asks:
 * whoever does not reach the report (another unit, another county) is not found, `otherRoles`
 * are refused, `newcomer` must first choose a password, nobody signed in must sign in.
 */
const refusedForWhoTheyAre = (status: ReportStatus, otherRoles: readonly CaseActor[], newcomer: CaseActor) => [
  ...everyOf(["clerkA2", "clerkB1", "reviewerB", "countyAdminB"], `townA1 ${status} NOT_FOUND`),
  ...everyOf(otherRoles, `townA1 ${status} FORBIDDEN`),
  `${newcomer} townA1 ${status} PASSWORD_CHANGE_REQUIRED` as const,
  `anonymous townA1 ${status} UNAUTHENTICATED` as const,
];

/** The subject of a transition on a report, awaiting the confirmation of an import or not. */
const transitionOf = (transition: TransitionName, scope: Scope, status: ReportStatus, isPendingImport = false) => ({
  ...scope,
  status,
  isPendingImport,
  transition,
});

const onTransition = (
  transition: TransitionName,
  allowed: Parameters<typeof onReport>[1],
  refused: Parameters<typeof onReport>[2],
) => onReport("report.transition", allowed, refused, transition);

const readReport = onReport(
  "report.read",
  ["clerkA1 townA1 DRAFT", "reviewerA departmentA1 SUBMITTED", "admin townB1 PUBLISHED"],
  [
    "clerkA2 townA1 DRAFT NOT_FOUND",
    "reviewerB departmentA1 SUBMITTED NOT_FOUND",
    "anonymous townA1 PUBLISHED UNAUTHENTICATED",
  ],
);

/** What only the report's own clerk does, and only while it is a draft or returned. */
const editDraft = onReport(
  "report.edit",
  ["clerkA1 townA1 DRAFT", "clerkA1 townA1 RETURNED"],
  [
    ...everyOf(["clerkA2", "reviewerB"], "townA1 DRAFT NOT_FOUND"),
    "reviewerA townA1 DRAFT FORBIDDEN",
    "clerkA1 townA1 SUBMITTED INVALID_STATE",
    "anonymous townA1 DRAFT UNAUTHENTICATED",
  ],
);

const readPublication = entry(
  "publication.read",
  each(["anonymous", "clerkB1"], { isPublished: true }),
  each(["anonymous", "reviewerA"], { isPublished: false }, "NOT_FOUND"),
);

const administrators = (action: "admin.manage" | "admin.importBatch") =>
  entry(
    action,
    [["admin", null]],
    [...each(["reviewerA", "clerkA1"], null, "FORBIDDEN"), ["anonymous", null, "UNAUTHENTICATED"]],
  );

/** Actions on one's own organization: its own clerk only. */
const ownClerk = (action: "report.create" | "report.importHistory") =>
  entry(
    action,
    [["clerkA1", { organizationId: townA1.organizationId }]],
    [
      ["clerkA2", { organizationId: townA1.organizationId }, "FORBIDDEN"],
      ["reviewerA", { organizationId: countyA.organizationId }, "FORBIDDEN"],
      ["admin", { organizationId: null }, "FORBIDDEN"],
      ["anonymous", { organizationId: null }, "UNAUTHENTICATED"],
    ],
  );

/**
 * Pages, lists and uploads of the administered scope: system and county administrators, once
 * their password is their own.
 */
const scopeAdministrators = (action: "account.list" | "audit.read" | "account.import" | "unit.list") =>
  entry(action, each(["admin", "countyAdminA"], null), [
    ...each(["reviewerA", "clerkA1"], null, "FORBIDDEN"),
    ["newCountyAdminA", null, "PASSWORD_CHANGE_REQUIRED"],
    ["anonymous", null, "UNAUTHENTICATED"],
  ]);

type AccountCase = readonly [unit: Scope | null, role: Role, isSelf?: "self"];
const account = ([unit, role, isSelf]: AccountCase) => ({ unit, role, isSelf: isSelf === "self" });

/**
 * Creating, resetting, disabling, enabling or changing an account (a change is asked for the
 * account as it is and as it would be): a county administrator within its county, never a
 * system administrator, never itself; the system administrator anything but itself.
 */
const manageAccount = entry(
  "account.manage",
  (
    [
      ["countyAdminA", [townA1, "CLERK"]],
      ["countyAdminA", [departmentA1, "REVIEWER"]],
      ["countyAdminA", [countyA, "COUNTY_ADMIN"]],
      ["admin", [townB1, "CLERK"]],
      ["admin", [null, "ADMIN"]],
    ] as const
  ).map(([actor, place]) => [actor, account(place)] as const),
  (
    [
      ["countyAdminA", [townB1, "CLERK"], "NOT_FOUND"],
      ["countyAdminB", [townA1, "CLERK"], "NOT_FOUND"],
      ["countyAdminA", [null, "ADMIN"], "NOT_FOUND"],
      ["countyAdminA", [countyA, "ADMIN"], "FORBIDDEN"],
      ["countyAdminA", [countyA, "COUNTY_ADMIN", "self"], "FORBIDDEN"],
      ["admin", [null, "ADMIN", "self"], "FORBIDDEN"],
      ["reviewerA", [townA1, "CLERK"], "FORBIDDEN"],
      ["clerkA1", [townA1, "CLERK"], "FORBIDDEN"],
      ["newCountyAdminA", [townA1, "CLERK"], "PASSWORD_CHANGE_REQUIRED"],
      ["anonymous", [townA1, "CLERK"], "UNAUTHENTICATED"],
    ] as const
  ).map(([actor, place, refusal]) => [actor, account(place), refusal] as const),
);

/** Uploading a list of accounts (the county and each row are asked again inside). */
const importAccounts = scopeAdministrators("account.import");

const changeOwnPassword = entry(
  "account.changeOwnPassword",
  each(["clerkA1", "newClerkA1", "newCountyAdminA", "admin"], null),
  [["anonymous", null, "UNAUTHENTICATED"]],
);

/** Listing what one administers. */
const listUnits = scopeAdministrators("unit.list");

/** Placing units under a parent (creating, importing a list into a county). */
const placeUnits = onScope(
  "unit.create",
  ["countyAdminA countyA", "countyAdminA townA1", "admin townB1"],
  [
    "countyAdminB countyA NOT_FOUND",
    "countyAdminA townB1 NOT_FOUND",
    "reviewerA countyA FORBIDDEN",
    "clerkA1 townA1 FORBIDDEN",
    "anonymous countyA UNAUTHENTICATED",
  ],
);

/** Changing a unit below a county: its county's administrator or the system's; never the county itself. */
const manageUnit = onScope(
  "unit.manage",
  ["countyAdminA townA1", "countyAdminA departmentA1", "admin countyA"],
  [
    "countyAdminA countyA FORBIDDEN",
    ...everyOf(["countyAdminB", "clerkA2"], "townA1 NOT_FOUND"),
    ...everyOf(["reviewerA", "clerkA1"], "townA1 FORBIDDEN"),
    "anonymous townA1 UNAUTHENTICATED",
  ],
);

const manageCalendar = onScope(
  "calendar.manage",
  ["countyAdminA countyA", "admin countyB"],
  [
    "countyAdminB countyA NOT_FOUND",
    ...everyOf(["countyAdminA", "clerkA1"], "townA1 FORBIDDEN"),
    "reviewerA countyA FORBIDDEN",
    "anonymous countyA UNAUTHENTICATED",
  ],
);

/**
 * A county's season board, its reminders and its summary: its reviewers and administrators,
 * the system administrator; nobody of another county, no township clerk.
 */
const countyStaff = (action: "season.board" | "season.remind" | "summary.read") =>
  onScope(
    action,
    [...everyOf(["reviewerA", "countyAdminA"], "countyA"), "admin countyB"],
    [
      ...everyOf(["reviewerB", "countyAdminB", "clerkA1"], "countyA NOT_FOUND"),
      "newCountyAdminA countyA PASSWORD_CHANGE_REQUIRED",
      "anonymous countyA UNAUTHENTICATED",
    ],
  );

/** A unit's reminders: its own clerks only. */
const ownUnitNotices = (action: "notice.read" | "notice.markRead") =>
  onScope(
    action,
    ["clerkA1 townA1"],
    [
      ...everyOf(["clerkA2", "clerkB1", "reviewerB"], "townA1 NOT_FOUND"),
      ...everyOf(["reviewerA", "countyAdminA", "admin"], "townA1 FORBIDDEN"),
      "newClerkA1 townA1 PASSWORD_CHANGE_REQUIRED",
      "anonymous townA1 UNAUTHENTICATED",
    ],
  );

// The county summary: also the county government's own clerk, who reaches only the county itself.
const readSummary = countyStaff("summary.read");

const configureCounty = onScope(
  "county.configure",
  ["countyAdminA countyA", "admin countyB"],
  [
    "countyAdminB countyA NOT_FOUND",
    "reviewerA countyA FORBIDDEN",
    "clerkA1 townA1 FORBIDDEN",
    "anonymous countyA UNAUTHENTICATED",
  ],
);

// Publishing the county summary (and its 样稿): the county's own reviewers and administrators;
// another county is not found, the system administrator (who publishes no report) is refused.
const publishSummary = onScope(
  "summary.publish",
  ["reviewerA countyA", "countyAdminA countyA"],
  [
    "reviewerB countyA NOT_FOUND",
    "countyAdminB countyA NOT_FOUND",
    "clerkA1 countyA NOT_FOUND",
    "reviewerA townA1 FORBIDDEN",
    "admin countyA FORBIDDEN",
    "newCountyAdminA countyA PASSWORD_CHANGE_REQUIRED",
    "anonymous countyA UNAUTHENTICATED",
  ],
);

// 一键发布 (publishing every approved report of the county as a job): the county's own
// reviewers; the job then asks report.transition for each report, as the reviewer is then.
const publishCountyReports = onScope(
  "season.publishReports",
  ["reviewerA countyA"],
  [
    ...everyOf(["reviewerB", "countyAdminB", "clerkA1"], "countyA NOT_FOUND"),
    ...everyOf(["countyAdminA", "admin"], "countyA FORBIDDEN"),
    "reviewerA townA1 FORBIDDEN",
    "anonymous countyA UNAUTHENTICATED",
  ],
);

// A job's progress and its 重试: its starter's alone; another's job is not found.
const readJob = entry(
  "job.read",
  [["reviewerA", { isOwn: true }]],
  [...each(["reviewerA", "admin"], { isOwn: false }, "NOT_FOUND"), ["anonymous", { isOwn: true }, "UNAUTHENTICATED"]],
);
const retryJob = entry(
  "job.retry",
  [["reviewerA", { isOwn: true, hasFailed: true }]],
  [
    ["reviewerB", { isOwn: false, hasFailed: true }, "NOT_FOUND"],
    ["reviewerA", { isOwn: true, hasFailed: false }, "INVALID_STATE"],
    ["anonymous", { isOwn: true, hasFailed: true }, "UNAUTHENTICATED"],
  ],
);

/** Server actions and route handlers, by file and export. */
export const entryPoints: Record<string, EntryPointPolicy> = {
  "app/(public)/login/actions.ts#signInAction": entry("session.signIn", each(["anonymous", "clerkA1"], null)),
  "app/(staff)/sign-out-action.ts#signOutAction": entry("session.signOut", each(["reviewerA", "anonymous"], null)),
  "app/(staff)/clerk/actions.ts#startReportAction": ownClerk("report.create"),
  "app/(staff)/clerk/reports/[id]/actions.ts#saveDraftAction": editDraft,
  "app/(staff)/clerk/reports/[id]/actions.ts#submitReportAction": onTransition(
    "submit",
    ["clerkA1 townA1 DRAFT", "clerkA1 townA1 RETURNED"],
    ["clerkA2 townA1 DRAFT NOT_FOUND", "reviewerA townA1 DRAFT FORBIDDEN", "clerkA1 townA1 SUBMITTED FORBIDDEN"],
  ),
  "app/(staff)/review/actions.ts#addReviewCommentAction": onReport(
    "report.comment",
    ["reviewerA townA1 SUBMITTED", "reviewerA departmentA1 SUBMITTED"],
    [
      "reviewerB townA1 SUBMITTED NOT_FOUND",
      "clerkA1 townA1 SUBMITTED FORBIDDEN",
      "reviewerA townA1 RETURNED FORBIDDEN",
    ],
  ),
  // The clerk answers a comment while the report is back in their hands; never another unit's.
  "app/(staff)/clerk/reports/[id]/actions.ts#replyToReviewCommentAction": onReport(
    "report.replyComment",
    ["clerkA1 townA1 RETURNED", "clerkA1 townA1 DRAFT"],
    [
      ...refusedForWhoTheyAre("RETURNED", ["reviewerA", "countyAdminA", "admin"], "newClerkA1"),
      "clerkA1 townA1 SUBMITTED INVALID_STATE",
      "clerkA1 townA1 PUBLISHED INVALID_STATE",
    ],
  ),
  // A reviewer of the county closes a comment until the report is published (which closes the rest).
  "app/(staff)/review/actions.ts#resolveReviewCommentAction": onReport(
    "report.resolveComment",
    ["reviewerA townA1 SUBMITTED", "reviewerA departmentA1 RETURNED", "reviewerA townA1 APPROVED"],
    [
      ...refusedForWhoTheyAre("SUBMITTED", ["clerkA1", "countyAdminA", "admin"], "newCountyAdminA"),
      "reviewerA townA1 PUBLISHED FORBIDDEN",
      "reviewerA townA1 DRAFT FORBIDDEN",
    ],
  ),
  "app/(staff)/review/actions.ts#returnReportAction": onTransition(
    "return",
    ["reviewerA townA1 SUBMITTED", "reviewerA departmentA1 APPROVED"],
    ["reviewerB townA1 SUBMITTED NOT_FOUND", "clerkA1 townA1 SUBMITTED FORBIDDEN", "reviewerA townA1 DRAFT FORBIDDEN"],
  ),
  // Another county's published report is not found, whatever the input says.
  // An imported report is confirmed against its file (below), never approved.
  "app/(staff)/review/actions.ts#approveReportAction": entry(
    "report.transition",
    [["reviewerA", transitionOf("approve", townA1, "SUBMITTED")]],
    [
      ["reviewerB", transitionOf("approve", townA1, "PUBLISHED"), "NOT_FOUND"],
      ["admin", transitionOf("approve", townA1, "SUBMITTED"), "FORBIDDEN"],
      ["reviewerA", transitionOf("approve", townA1, "PUBLISHED"), "FORBIDDEN"],
      ["reviewerA", transitionOf("approve", townA1, "SUBMITTED", true), "FORBIDDEN"],
    ],
  ),
  "app/(staff)/review/actions.ts#publishReportAction": onTransition(
    "publish",
    ["reviewerA townA1 APPROVED"],
    [
      "reviewerB townA1 APPROVED NOT_FOUND",
      "reviewerA townA1 SUBMITTED FORBIDDEN",
      "clerkA1 townA1 APPROVED FORBIDDEN",
    ],
  ),
  "app/(staff)/review/actions.ts#reopenReportAction": onTransition(
    "reopenForCorrection",
    ["reviewerA townA1 PUBLISHED"],
    ["reviewerB townA1 PUBLISHED NOT_FOUND", "reviewerA townA1 SUBMITTED FORBIDDEN"],
  ),
  // An import is published only by a reviewer of its county, and only as an import.
  "app/(staff)/review/actions.ts#confirmImportAction": entry(
    "report.transition",
    [["reviewerA", transitionOf("confirmImport", townA1, "SUBMITTED", true)]],
    [
      ["reviewerB", transitionOf("confirmImport", townA1, "SUBMITTED", true), "NOT_FOUND"],
      ...each(["clerkA1", "admin"], transitionOf("confirmImport", townA1, "SUBMITTED", true), "FORBIDDEN"),
      ["reviewerA", transitionOf("confirmImport", townA1, "SUBMITTED"), "FORBIDDEN"],
    ],
  ),
  "app/(staff)/review/reports/[id]/source/route.ts#GET": onReport(
    "report.readImportSource",
    ["reviewerA townA1 SUBMITTED", "reviewerA departmentA1 PUBLISHED"],
    [
      ...everyOf(["reviewerB", "clerkA2"], "townA1 SUBMITTED NOT_FOUND"),
      ...everyOf(["clerkA1", "admin"], "townA1 SUBMITTED FORBIDDEN"),
      "anonymous townA1 PUBLISHED UNAUTHENTICATED",
    ],
  ),
  "app/(staff)/admin/accounts/actions.ts#createAccountAction": manageAccount,
  "app/(staff)/admin/accounts/actions.ts#changeAccountAction": manageAccount,
  "app/(staff)/admin/accounts/actions.ts#resetPasswordAction": manageAccount,
  "app/(staff)/admin/accounts/actions.ts#disableAccountAction": manageAccount,
  "app/(staff)/admin/accounts/actions.ts#enableAccountAction": manageAccount,
  "app/(staff)/account/password/actions.ts#changeOwnPasswordAction": changeOwnPassword,
  "app/api/accounts/import/route.ts#POST": importAccounts,
  "app/api/accounts/import/template/route.ts#GET": importAccounts,
  "app/(staff)/admin/units/actions.ts#createUnitAction": placeUnits,
  "app/(staff)/admin/units/actions.ts#createCountyAction": entry(
    "county.manage",
    [["admin", null]],
    [...each(["countyAdminA", "reviewerA"], null, "FORBIDDEN"), ["anonymous", null, "UNAUTHENTICATED"]],
  ),
  "app/(staff)/admin/units/actions.ts#updateUnitAction": manageUnit,
  "app/(staff)/admin/units/actions.ts#moveUnitAction": manageUnit,
  "app/(staff)/admin/units/actions.ts#retireUnitAction": manageUnit,
  "app/(staff)/admin/units/actions.ts#restoreUnitAction": manageUnit,
  "app/(staff)/admin/calendar/actions.ts#setReportingCalendarAction": manageCalendar,
  "app/(staff)/review/summary/actions.ts#setCountyReportModeAction": configureCounty,
  "app/(staff)/admin/calendar/actions.ts#setRepetitionThresholdAction": configureCounty,
  "app/api/county-summary/[countyId]/[year]/[format]/route.ts#GET": readSummary,
  "app/(staff)/review/summary/actions.ts#publishCountySummaryAction": publishSummary,
  "app/api/county-summary/[countyId]/[year]/preview/route.ts#POST": publishSummary,
  "app/(staff)/admin/units/import/template/route.ts#GET": listUnits,
  "app/api/admin/units/import/route.ts#POST": placeUnits,
  "app/(staff)/review/board/actions.ts#sendSeasonNoticeAction": countyStaff("season.remind"),
  "app/(staff)/review/board/export/route.ts#GET": countyStaff("season.board"),
  "app/(staff)/review/board/actions.ts#publishCountyReportsAction": publishCountyReports,
  "app/(staff)/jobs/actions.ts#readJobProgressAction": readJob,
  "app/(staff)/jobs/actions.ts#retryJobAction": retryJob,
  "app/(staff)/clerk/season-notice-actions.ts#markSeasonNoticeReadAction": ownUnitNotices("notice.markRead"),
  "app/api/health/route.ts#GET": entry("system.health", [["anonymous", null]]),
  "app/api/import/batch/route.ts#POST": administrators("admin.importBatch"),
  "app/api/import/history/route.ts#POST": ownClerk("report.importHistory"),
  "app/api/reports/[id]/data/route.ts#GET": readReport,
  // The 样稿 PDF: whoever may read the report (its clerk before submitting, the reviewer before publishing).
  "app/api/reports/[id]/preview/route.ts#GET": readReport,
  "app/api/reports/[id]/preview/route.ts#POST": readReport,
  // The tables as an .xlsx (blank or with the figures): whoever may read the report.
  "app/api/reports/[id]/xlsx/route.ts#GET": readReport,
  // A filled .xlsx read back for the wizard's preview: only while the report's clerk may edit it.
  "app/api/reports/[id]/xlsx/route.ts#POST": editDraft,
  // One handler for every public URL of a report: the page, pdf, docx, json, csv, and /v/<n>/….
  "app/(public)/reports/[reportId]/[[...path]]/route.ts#GET": readPublication,
  // The same for a county's published summary of a year, under /reports/county-summary/<county>/<year>.
  "app/(public)/reports/county-summary/[countyId]/[year]/[[...path]]/route.ts#GET": readPublication,
  // The public home: the catalogue and its search, a static document (lib/publications/serve-catalogue.tsx).
  "app/(public)/route.ts#GET": entry("catalogue.read", each(["anonymous", "reviewerB"], null)),
};

/** Data-reading pages, by file: the action their loadStaffPage / loadPublicPage declares. */
export const pageEntryPoints: Record<string, EntryPointPolicy> = {
  "app/(staff)/clerk/page.tsx": onScope(
    "organization.read",
    ["clerkA1 townA1", "reviewerA departmentA1"],
    everyOf(["clerkA2", "reviewerB"], "townA1 NOT_FOUND"),
  ),
  "app/(staff)/clerk/import/page.tsx": ownClerk("report.importHistory"),
  "app/(staff)/clerk/reports/[id]/page.tsx": readReport,
  "app/(staff)/review/page.tsx": onScope("review.queue", everyOf(["reviewerA", "admin"], "countyA"), [
    "reviewerB countyA NOT_FOUND",
    "clerkA1 townA1 NOT_FOUND",
  ]),
  "app/(staff)/review/reports/[id]/page.tsx": readReport,
  // A unit's or a county's trends: whoever may read the county's review queue.
  "app/(staff)/review/trends/[id]/page.tsx": onScope(
    "review.queue",
    ["reviewerA townA1", "reviewerA countyA", "admin townB1"],
    everyOf(["reviewerB", "clerkA1"], "townA1 NOT_FOUND"),
  ),
  // Published figures only: an organization with nothing published is not found.
  "app/(public)/trends/[id]/page.tsx": readPublication,
  "app/(staff)/review/board/page.tsx": countyStaff("season.board"),
  "app/(staff)/admin/page.tsx": listUnits,
  "app/(staff)/admin/import/page.tsx": administrators("admin.manage"),
  "app/(staff)/admin/units/page.tsx": listUnits,
  "app/(staff)/admin/units/new/page.tsx": listUnits,
  "app/(staff)/admin/units/import/page.tsx": listUnits,
  "app/(staff)/admin/units/[id]/page.tsx": manageUnit,
  "app/(staff)/admin/calendar/page.tsx": manageCalendar,
  "app/(staff)/review/summary/page.tsx": readSummary,
  "app/(staff)/admin/accounts/page.tsx": scopeAdministrators("account.list"),
  "app/(staff)/admin/accounts/new/page.tsx": scopeAdministrators("account.list"),
  "app/(staff)/admin/accounts/import/page.tsx": importAccounts,
  "app/(staff)/admin/accounts/[id]/page.tsx": entry(
    "account.read",
    [
      ["countyAdminA", { unit: departmentA1 }],
      ["countyAdminA", { unit: countyA }],
      ["admin", { unit: null }],
    ],
    [
      ["countyAdminA", { unit: townB1 }, "NOT_FOUND"],
      ["countyAdminA", { unit: null }, "NOT_FOUND"],
      ["reviewerA", { unit: townA1 }, "FORBIDDEN"],
      ["newCountyAdminA", { unit: townA1 }, "PASSWORD_CHANGE_REQUIRED"],
    ],
  ),
  "app/(staff)/admin/audit/page.tsx": scopeAdministrators("audit.read"),
  "app/(staff)/account/password/page.tsx": changeOwnPassword,
};

/** Pages that read no data of their own, and why. */
export const pagesWithoutData: Record<string, string> = {
  "app/(public)/login/page.tsx": "the sign-in form; it reads only who is signed in, to send them home",
};
