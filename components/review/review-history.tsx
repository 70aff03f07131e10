import { StatusTag } from "@/components/ui/status-tag";
import { formatDateTime } from "@/lib/format/date-time";
import type { ReportStatus } from "@/lib/workflow/transitions";

type Event = {
  id: string;
  action: string;
  toStatus: string | null;
  comment: string | null;
  createdAt: Date;
  actorName: string | null;
  /** The step's name (the transition table's label), e.g. 导入并提交审核. */
  label: string | null;
};

/** The report's status changes, with who made them and what they wrote. */
export function ReviewHistory({ events }: { events: readonly Event[] }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">办理记录</h2>
      <ol className="review-history">
        {events.map((event) => (
          <li key={event.id}>
            {formatDateTime(event.createdAt)} · {event.actorName ?? "—"} · {event.label && `${event.label} → `}
            <StatusTag status={event.toStatus as ReportStatus} />
            {event.comment && <p className="review-text">{event.comment}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
