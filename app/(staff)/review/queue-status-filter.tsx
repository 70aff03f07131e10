import { FilterSelect } from "@/components/ui/filter-select";
import { queueStatusOptions, type QueueStatus } from "@/lib/reports/list-review-queue";

/** The 状态 select of the review queue's and the season board's filters (`status` in the query). */
export function QueueStatusFilter({ idPrefix, value }: { idPrefix: string; value: QueueStatus | undefined }) {
  return (
    <FilterSelect
      id={`${idPrefix}-status`}
      name="status"
      label="状态"
      value={value}
      options={queueStatusOptions}
      allLabel="全部"
    />
  );
}
