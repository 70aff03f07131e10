/**
 * Acts the server audits (本年度未发生 and its undo), queued until a save carries them:
 * each save sends what is queued (lib/reports/save-draft.ts records it with that save),
 * and only a save the server took removes what it sent, so a failed save sends it again.
 */
export interface AuditedAct {
  readonly kind: "fillZero" | "undoFillZero";
  /** Table ids the act covered. */
  readonly tables: readonly string[];
  /** How many cells it changed. */
  readonly cells: number;
}

export class ActAuditQueue {
  private queued: AuditedAct[] = [];

  add(act: AuditedAct): void {
    if (act.cells > 0) this.queued.push(act);
  }

  /** What the next save carries. */
  pending(): readonly AuditedAct[] {
    return [...this.queued];
  }

  /** The server stored a save that carried `sent` (what `pending` gave): those are recorded. */
  acknowledge(sent: readonly AuditedAct[]): void {
    this.queued = this.queued.filter((act) => !sent.includes(act));
  }
}
