// The report lifecycle as one table. Every status change in the product is one of these
// rows; lib/reports/transition-report.ts applies a row as it reads, and the policy
// (lib/workflow/policy.ts) decides who may from the row's role and `from` statuses.
import type { Role } from "./roles";

export const reportStatuses = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "PUBLISHED"] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const statusLabels: Record<ReportStatus, string> = {
  DRAFT: "草稿",
  SUBMITTED: "已提交",
  RETURNED: "已退回",
  APPROVED: "已审核",
  PUBLISHED: "已发布",
};

/** The longest comment a transition takes (审核意见, 退回理由, 更正原因); the form's textarea stops there too. */
export const MAX_COMMENT_LENGTH = 2_000;
/** The longest reason for one warning a submit takes (lib/reports/transition-report.ts). */
export const MAX_REASON_LENGTH = 500;

/** The report timestamps a transition can set. */
export type TransitionTimestamp = "submittedAt" | "approvedAt" | "publishedAt";

export type TransitionRow = {
  from: readonly ReportStatus[];
  to: ReportStatus;
  /** Who performs it: a clerk on their own organization's report, a reviewer within their county. */
  role: Role;
  /** The button's wording; also ends the message of a refusal by the rules (改正后才能…). */
  label: string;
  /** What to tell the user when the comment is missing; null when no comment is required. */
  commentRequired: string | null;
  /** The server runs the rules again first and refuses while any error remains. */
  isGatedByRules: boolean;
  /** Each warning of that run needs the actor's reason, stored with the report. */
  warningsNeedReasons: boolean;
  /** The timestamp it sets to the time of the transition. */
  stamps: TransitionTimestamp | null;
  /**
   * The data as it was sent back is kept as a revision, the baseline of "changes since the
   * last return" on the next review (lib/reports/load-return-baseline.ts).
   */
  keepsReturnSnapshot: boolean;
  /** The AuditEvent.action it writes. */
  audit: `report.${string}`;
  /**
   * For a submitted report awaiting the confirmation of an import (its data is exactly what
   * a file read, lib/reports/write-imported-report.ts): "only" such a report, "never" one;
   * absent, either.
   */
  pendingImport?: "only" | "never";
  /**
   * The review comments still open are closed (resolved) with it: a published report has
   * left review, so its comments no longer count as 未处理批注 (absent: no).
   */
  closesComments?: true;
};

export const transitions = {
  submit: {
    from: ["DRAFT", "RETURNED"],
    to: "SUBMITTED",
    role: "CLERK",
    label: "提交审核",
    commentRequired: null,
    isGatedByRules: true,
    warningsNeedReasons: true,
    stamps: "submittedAt",
    keepsReturnSnapshot: false,
    audit: "report.submit",
  },
  return: {
    from: ["SUBMITTED", "APPROVED"],
    to: "RETURNED",
    role: "REVIEWER",
    label: "退回修改",
    commentRequired: "退回时请说明需要修改的内容。",
    isGatedByRules: false,
    warningsNeedReasons: false,
    stamps: null,
    keepsReturnSnapshot: true,
    audit: "report.return",
  },
  approve: {
    from: ["SUBMITTED"],
    to: "APPROVED",
    role: "REVIEWER",
    label: "审核通过",
    commentRequired: null,
    isGatedByRules: true,
    warningsNeedReasons: false,
    stamps: "approvedAt",
    keepsReturnSnapshot: false,
    audit: "report.approve",
    // An imported report is confirmed as read (confirmImport), not approved against the rules.
    pendingImport: "never",
  },
  publish: {
    from: ["APPROVED"],
    to: "PUBLISHED",
    role: "REVIEWER",
    label: "发布",
    commentRequired: null,
    isGatedByRules: true,
    warningsNeedReasons: false,
    stamps: "publishedAt",
    keepsReturnSnapshot: false,
    audit: "report.publish",
    closesComments: true,
  },
  /** A published report is reopened for a correction; publishing again adds a new version. */
  reopenForCorrection: {
    from: ["PUBLISHED"],
    to: "RETURNED",
    role: "REVIEWER",
    label: "发起更正",
    commentRequired: "请说明需要更正的内容。",
    isGatedByRules: false,
    warningsNeedReasons: false,
    stamps: null,
    keepsReturnSnapshot: true,
    audit: "report.reopenForCorrection",
  },
  /**
   * A clerk's import of a file for a year whose report is published (a correction: the public
   * keeps the published version until a reviewer confirms) or was sent back unchanged. The
   * first import of a year creates the report as submitted (no row: nothing to move). Not
   * gated: an imported report is recorded as its body published it; the reading's problems
   * and findings go to the reviewer with it.
   */
  import: {
    from: ["RETURNED", "PUBLISHED"],
    to: "SUBMITTED",
    role: "CLERK",
    label: "导入并提交审核",
    commentRequired: null,
    isGatedByRules: false,
    warningsNeedReasons: false,
    stamps: "submittedAt",
    keepsReturnSnapshot: false,
    audit: "report.import",
  },
  /**
   * A county reviewer confirms an imported report against its source file and publishes it
   * as read (a correction with its 更正说明). Not gated, for the same reason as `import`.
   */
  confirmImport: {
    from: ["SUBMITTED"],
    to: "PUBLISHED",
    role: "REVIEWER",
    label: "确认并发布",
    commentRequired: null,
    isGatedByRules: false,
    warningsNeedReasons: false,
    stamps: "publishedAt",
    keepsReturnSnapshot: false,
    audit: "report.confirmImport",
    pendingImport: "only",
    closesComments: true,
  },
} as const satisfies Record<string, TransitionRow>;

export type TransitionName = keyof typeof transitions;

/** A report after a transition: its new status and version (what the transition actions answer). */
export interface TransitionOutcome {
  readonly status: ReportStatus;
  readonly version: number;
}

export const transitionNames = Object.keys(transitions) as [TransitionName, ...TransitionName[]];

/** The row of a transition, typed as a row (the table itself keeps its literal types). */
export function transitionRow(name: TransitionName): TransitionRow {
  return transitions[name];
}

export function canTransition(name: TransitionName, from: ReportStatus): boolean {
  return transitionRow(name).from.includes(from);
}

/** Whether a row is for a report that is, or is not, awaiting the confirmation of an import. */
export function fitsPendingImport(name: TransitionName, isPendingImport: boolean): boolean {
  const rule = transitionRow(name).pendingImport;
  return rule === undefined || (rule === "only") === isPendingImport;
}

/** Statuses in which the clerk may change the data. */
export const editableStatuses: readonly ReportStatus[] = ["DRAFT", "RETURNED"];
