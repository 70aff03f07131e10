import { statusLabels, type ReportStatus } from "@/lib/workflow/transitions";

/** The tone of each status's tag (app/globals.css, tag tones); a report not started is grey. */
const statusTones: Record<ReportStatus, string> = {
  DRAFT: "blue",
  SUBMITTED: "yellow",
  RETURNED: "orange",
  APPROVED: "green",
  PUBLISHED: "solid-green",
};

export function StatusTag({ status }: { status: ReportStatus | null }) {
  const tone = status ? statusTones[status] : "grey";
  return <span className={`tag tag--${tone}`}>{status ? statusLabels[status] : "未开始"}</span>;
}
