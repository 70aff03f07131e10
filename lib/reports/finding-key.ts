import type { Finding } from "@/lib/rules";

/**
 * Identifies a finding across validations, to key the clerk's reason for a warning: the
 * same rule on the same cells is the same warning, whatever its current message says.
 */
export function findingKey(finding: Pick<Finding, "ruleId" | "cellIds">): string {
  return `${finding.ruleId}@${finding.cellIds.join(",")}`;
}
