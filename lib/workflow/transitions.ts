// The report lifecycle as one table. Every status change in the product is one of these
// transitions; lib/reports/transition-report.ts applies them and the policy checks them.
export const reportStatuses = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "PUBLISHED"] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const statusLabels: Record<ReportStatus, string> = {
  DRAFT: "草稿",
  SUBMITTED: "已提交",
  RETURNED: "已退回",
  APPROVED: "已审核",
  PUBLISHED: "已发布",
};

export const transitions = {
  submit: { from: ["DRAFT", "RETURNED"], to: "SUBMITTED", label: "提交审核" },
  return: { from: ["SUBMITTED", "APPROVED"], to: "RETURNED", label: "退回修改" },
  approve: { from: ["SUBMITTED"], to: "APPROVED", label: "审核通过" },
  publish: { from: ["APPROVED"], to: "PUBLISHED", label: "发布" },
  /** A published report is reopened for a correction; publishing again adds a new version. */
  reopenForCorrection: { from: ["PUBLISHED"], to: "RETURNED", label: "发起更正" },
} as const satisfies Record<string, { from: readonly ReportStatus[]; to: ReportStatus; label: string }>;

export type TransitionName = keyof typeof transitions;

/** A report after a transition: its new status and version (what the transition actions answer). */
export interface TransitionOutcome {
  readonly status: ReportStatus;
  readonly version: number;
}

export function canTransition(name: TransitionName, from: ReportStatus): boolean {
  return (transitions[name].from as readonly ReportStatus[]).includes(from);
}

/** Statuses in which the clerk may change the data. */
export const editableStatuses: readonly ReportStatus[] = ["DRAFT", "RETURNED"];
