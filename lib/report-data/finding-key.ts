/** What identifies a finding: the rule engine's Finding has these two fields (lib/rules). */
export interface FindingIdentity {
  readonly ruleId: string;
  readonly cellIds: readonly string[];
}

/**
 * Identifies a finding across validations, to key the clerk's reason for a warning: the
 * same rule on the same cells is the same warning, whatever its current message says.
 */
export function findingKey(finding: FindingIdentity): string {
  return `${finding.ruleId}@${finding.cellIds.join(",")}`;
}
