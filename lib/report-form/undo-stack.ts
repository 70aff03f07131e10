/**
 * The wizard's undo of whole acts: a paste or a 本年度未发生 fill writes many cells at
 * once, and Ctrl+Z (or 撤销) takes the last such act back as one step. Typing inside an
 * input is not an act: its per-keystroke undo stays the browser's own. Framework-free, so
 * it is tested without a browser; the form subscribes to it for the 撤销 button.
 */

export interface CellChange {
  readonly cellId: string;
  readonly before: number | null;
  readonly after: number | null;
}

export type FormActKind = "paste" | "fill-zero";

export interface FormAct {
  readonly kind: FormActKind;
  /** What the act did, in zh-CN, for the notice and the 撤销 button (已将 12 个空白格填为 0). */
  readonly description: string;
  /** The grid, table or tables the act covered (a grid id, a table id, or several joined by “+”). */
  readonly scope: string;
  readonly changes: readonly CellChange[];
}

export interface UndoOutcome {
  readonly act: FormAct;
  /** The cells to set back, with the value to write. */
  readonly restore: readonly { readonly cellId: string; readonly value: number | null }[];
  /** Cells the clerk changed again after the act: kept as they are, not undone. */
  readonly kept: readonly string[];
}

/** Acts kept for undo; older ones fall off (a spreadsheet keeps a bounded history too). */
const DEFAULT_LIMIT = 50;

export class UndoStack {
  private acts: FormAct[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The act Ctrl+Z would take back (for useSyncExternalStore: the same object until the stack changes). */
  last = (): FormAct | null => this.acts.at(-1) ?? null;

  get size(): number {
    return this.acts.length;
  }

  /** Records an act; an act that changed nothing is not one (undoing it would do nothing). */
  push(act: FormAct): void {
    const changes = act.changes.filter((change) => change.before !== change.after);
    if (changes.length === 0) return;
    this.acts.push(changes.length === act.changes.length ? act : { ...act, changes });
    if (this.acts.length > this.limit) this.acts.splice(0, this.acts.length - this.limit);
    this.notify();
  }

  /**
   * Takes the last act off the stack. `read` gives each cell's present value: a cell
   * still holding what the act wrote goes back to what it held before; a cell changed
   * since is the clerk's newer work and is kept.
   */
  undo(read: (cellId: string) => number | null | undefined): UndoOutcome | null {
    const act = this.acts.pop();
    if (!act) return null;
    const restore: { cellId: string; value: number | null }[] = [];
    const kept: string[] = [];
    for (const change of act.changes) {
      if ((read(change.cellId) ?? null) === change.after) restore.push({ cellId: change.cellId, value: change.before });
      else kept.push(change.cellId);
    }
    this.notify();
    return { act, restore, kept };
  }

  /** The form's values were replaced (another version chosen, a stored copy restored): old acts no longer apply. */
  clear(): void {
    if (this.acts.length === 0) return;
    this.acts = [];
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
