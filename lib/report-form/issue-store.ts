/**
 * What is wrong with the report right now, for the screen: rule findings
 * from the engine, entries the form refused, and which steps' completeness
 * messages are due. An external store (subscribe/get), read with
 * useSyncExternalStore through selectors that return the same object while
 * nothing changed for them — so a new set of findings re-renders only the
 * cells, summaries and step labels whose message actually changed.
 *
 * “Fill this in” messages (completeness, required texts) would bury a clerk
 * who has only started a table, so they are shown for a step once the clerk
 * has left it, and everywhere on the final check. Arithmetic, cross-year,
 * narrative and identity findings show live.
 */
import { findingKey } from "@/lib/report-data";
import type { Finding, Severity } from "@/lib/rules";
import { compileLayout, type Layout } from "@/lib/template";
import { CHECK_STEP_ID, stepOfField, wizardSteps, type StepProgress } from "./steps";

export interface FieldIssue {
  readonly key: string;
  readonly message: string;
  readonly severity: Severity;
}

export interface SummaryItem {
  readonly key: string;
  /** The field to focus; null when the finding names none the form shows. */
  readonly fieldId: string | null;
  readonly stepId: string;
  readonly message: string;
  readonly severity: Severity;
  /** The engine's finding (absent for a refused entry). */
  readonly finding: Finding | null;
}

export type StepStatus = "notStarted" | "inProgress" | "complete" | "hasErrors";

const EMPTY: readonly SummaryItem[] = Object.freeze([]);

/** Findings that say "fill this in". */
export function isCompletenessFinding(finding: Pick<Finding, "ruleId">): boolean {
  return finding.ruleId === "completeness.cells" || finding.ruleId.startsWith("narrative.required");
}

function sameItems(a: readonly SummaryItem[], b: readonly SummaryItem[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.key !== y.key || x.message !== y.message || x.severity !== y.severity) return false;
  }
  return true;
}

export class IssueStore {
  private readonly layout: Layout;
  private readonly stepIds: readonly string[];
  private readonly order: ReadonlyMap<string, number>;
  private readonly stepCache = new Map<string, string>();
  private findings: readonly Finding[] = [];
  private progress: ReadonlyMap<string, StepProgress> = new Map();
  private readonly entries = new Map<string, { message: string; label: string }>();
  /** Cells whose text is on its way to a number (“3.”, “1,2”): no message yet, but no figure either. */
  private readonly unfinished = new Set<string>();
  private readonly revealed = new Set<string>();
  private isAllRevealed = false;
  private fieldIssues = new Map<string, FieldIssue>();
  private summaries = new Map<string, readonly SummaryItem[]>();
  private statuses = new Map<string, StepStatus>();
  private all: readonly SummaryItem[] = EMPTY;
  private readonly listeners = new Set<() => void>();

  constructor(layout: Layout) {
    this.layout = layout;
    this.stepIds = wizardSteps(layout).map((s) => s.id);
    const order = new Map<string, number>();
    const compiled = compileLayout(layout);
    for (const field of compiled.narrativeFields) order.set(field.id, order.size);
    for (const cell of compiled.cells) order.set(cell.id, order.size);
    this.order = order;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The latest findings of the rule engine and the fill progress of each step. */
  setFindings(findings: readonly Finding[], progress: ReadonlyMap<string, StepProgress>): void {
    this.findings = findings;
    this.progress = progress;
    this.rebuild();
  }

  /** An entry the form refused (message), or null once the cell holds a valid entry again. */
  setEntryError(fieldId: string, message: string | null): void {
    if (this.unfinished.delete(fieldId)) this.notify();
    const present = this.entries.get(fieldId);
    if (message === null ? !present : present?.message === message) return;
    if (message === null) this.entries.delete(fieldId);
    else this.entries.set(fieldId, { message, label: compileLayout(this.layout).cell(fieldId)?.label ?? fieldId });
    this.rebuild();
  }

  /**
   * The cell's text is not a figure yet but may become one as the clerk keeps typing: no
   * message, yet totals over the cell wait (the form still holds the previous figure).
   * Cleared by the next `setEntryError`, whatever it says.
   */
  setEntryUnfinished(fieldId: string): void {
    if (this.unfinished.has(fieldId)) return;
    this.unfinished.add(fieldId);
    this.notify();
  }

  /** The first of `fieldIds` whose entry is refused or unfinished, -1 when none: what stops a live total. */
  firstUnsettledEntry(fieldIds: readonly string[]): number {
    if (this.entries.size === 0 && this.unfinished.size === 0) return -1;
    for (let i = 0; i < fieldIds.length; i++) {
      const id = fieldIds[i]!;
      if (this.entries.has(id) || this.unfinished.has(id)) return i;
    }
    return -1;
  }

  /** Every refused entry is gone: the form's values were replaced by a stored copy. */
  clearEntryErrors(): void {
    if (this.unfinished.size > 0) {
      this.unfinished.clear();
      this.notify();
    }
    if (this.entries.size === 0) return;
    this.entries.clear();
    this.rebuild();
  }

  hasEntryError(fieldId: string): boolean {
    return this.entries.has(fieldId);
  }

  /** Show the completeness messages of a step (the clerk has been through it). */
  reveal(stepId: string): void {
    if (this.revealed.has(stepId)) return;
    this.revealed.add(stepId);
    this.rebuild();
  }

  revealAll(): void {
    if (this.isAllRevealed) return;
    this.isAllRevealed = true;
    this.rebuild();
  }

  getFieldIssue = (fieldId: string): FieldIssue | undefined => this.fieldIssues.get(fieldId);
  getSummary = (stepId: string): readonly SummaryItem[] => this.summaries.get(stepId) ?? EMPTY;
  getStatus = (stepId: string): StepStatus => this.statuses.get(stepId) ?? "notStarted";
  getProgress = (stepId: string): StepProgress | undefined => this.progress.get(stepId);
  /** Everything, revealed or not: the final check. */
  getAll = (): readonly SummaryItem[] => this.all;
  getFindings = (): readonly Finding[] => this.findings;

  stepOf(fieldId: string): string {
    let step = this.stepCache.get(fieldId);
    if (step === undefined) {
      step = stepOfField(this.layout, fieldId);
      this.stepCache.set(fieldId, step);
    }
    return step;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private isShown(item: SummaryItem): boolean {
    if (!item.finding || !isCompletenessFinding(item.finding)) return true;
    return this.isAllRevealed || this.revealed.has(item.stepId);
  }

  private rebuild(): void {
    const items: SummaryItem[] = [];
    for (const [fieldId, entry] of this.entries) {
      items.push({
        key: `entry@${fieldId}`,
        fieldId,
        stepId: this.stepOf(fieldId),
        message: `${entry.label}：${entry.message}`,
        severity: "error",
        finding: null,
      });
    }
    for (const finding of this.findings) {
      const fieldId = finding.cellIds.find((id) => this.order.has(id)) ?? finding.cellIds[0] ?? null;
      items.push({
        key: findingKey(finding),
        fieldId,
        stepId: fieldId === null ? CHECK_STEP_ID : this.stepOf(fieldId),
        message: finding.message,
        severity: finding.severity,
        finding,
      });
    }
    const rank = (item: SummaryItem): number => (item.severity === "error" ? 0 : 1);
    const position = (item: SummaryItem): number =>
      item.fieldId === null ? -1 : (this.order.get(item.fieldId) ?? Number.MAX_SAFE_INTEGER);
    items.sort((a, b) => rank(a) - rank(b) || position(a) - position(b));

    // A finding that also names a text (a figure in 一's prose against a table) is shown
    // under that text and in its step's summary too, where the clerk is typing it; the
    // final check lists it once.
    const echoes: SummaryItem[] = [];
    for (const item of items) {
      if (!item.finding) continue;
      for (const id of item.finding.cellIds) {
        if (id === item.fieldId || compileLayout(this.layout).narrativeField(id) === undefined) continue;
        echoes.push({ ...item, key: `${item.key}~${id}`, fieldId: id, stepId: this.stepOf(id) });
      }
    }
    const shownItems = echoes.length === 0 ? items : [...items, ...echoes];
    if (echoes.length > 0) shownItems.sort((a, b) => rank(a) - rank(b) || position(a) - position(b));

    let isChanged = false;

    // Each field shows one message: a refused entry first, then errors, then warnings.
    const nextFields = new Map<string, FieldIssue>();
    for (const [fieldId, entry] of this.entries)
      nextFields.set(fieldId, { key: `entry@${fieldId}`, message: entry.message, severity: "error" });
    for (const item of shownItems) {
      if (item.finding === null || item.fieldId === null || nextFields.has(item.fieldId) || !this.isShown(item))
        continue;
      nextFields.set(item.fieldId, { key: item.key, message: item.message, severity: item.severity });
    }
    for (const [fieldId, issue] of nextFields) {
      const previous = this.fieldIssues.get(fieldId);
      if (previous && previous.message === issue.message && previous.severity === issue.severity)
        nextFields.set(fieldId, previous);
      else isChanged = true;
    }
    if (!isChanged) for (const fieldId of this.fieldIssues.keys()) if (!nextFields.has(fieldId)) isChanged = true;
    this.fieldIssues = nextFields;

    const byStep = new Map<string, SummaryItem[]>();
    for (const item of shownItems) {
      if (!this.isShown(item)) continue;
      const list = byStep.get(item.stepId) ?? [];
      // Once per step: a finding naming two texts of one step, or a text and a cell of it, is listed once.
      if (item.finding && list.some((other) => other.finding === item.finding)) continue;
      list.push(item);
      byStep.set(item.stepId, list);
    }
    const nextSummaries = new Map<string, readonly SummaryItem[]>();
    for (const stepId of this.stepIds) {
      const next = byStep.get(stepId) ?? EMPTY;
      const previous = this.summaries.get(stepId) ?? EMPTY;
      if (sameItems(previous, next)) nextSummaries.set(stepId, previous);
      else {
        nextSummaries.set(stepId, next);
        isChanged = true;
      }
    }
    this.summaries = nextSummaries;

    if (!sameItems(this.all, items)) {
      this.all = items;
      isChanged = true;
    }

    const nextStatuses = new Map<string, StepStatus>();
    for (const stepId of this.stepIds) {
      if (stepId === CHECK_STEP_ID) continue;
      const stepItems = items.filter((item) => item.stepId === stepId);
      const isBroken = stepItems.some(
        (item) => item.severity === "error" && (item.finding === null || !isCompletenessFinding(item.finding)),
      );
      const isMissing = stepItems.some((item) => item.finding !== null && isCompletenessFinding(item.finding));
      const progress = this.progress.get(stepId);
      const status: StepStatus = isBroken
        ? "hasErrors"
        : !progress || progress.filled === 0
          ? "notStarted"
          : progress.filled === progress.total && !isMissing
            ? "complete"
            : "inProgress";
      nextStatuses.set(stepId, status);
      if (this.statuses.get(stepId) !== status) isChanged = true;
    }
    this.statuses = nextStatuses;

    if (isChanged) this.notify();
  }
}
