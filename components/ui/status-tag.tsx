import { statusLabels, type ReportStatus } from "@/lib/workflow/transitions";

export function StatusTag({ status }: { status: ReportStatus | null }) {
  return <span className={`tag tag--${status ?? "NONE"}`}>{status ? statusLabels[status] : "未开始"}</span>;
}
