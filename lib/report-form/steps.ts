/**
 * The wizard's steps: one per section of the layout (一 … 六), in the
 * template's order, then 检查并提交. Every field a finding can name maps to
 * the step that shows it, so an error summary can link to it.
 */
import type { ReportData } from "@/lib/report-data";
import { compileLayout, type Layout, type NarrativeId, type Section, type SectionNumber } from "@/lib/template";

export const CHECK_STEP_ID = "check";

export interface WizardStep {
  /** The section id (s1, t2, t3, t4, s5, s6) or `check`. */
  readonly id: string;
  readonly number: SectionNumber | null;
  /** As printed: 一、总体情况; 检查并提交 for the last step. */
  readonly title: string;
  readonly section: Section | null;
}

const stepsCache = new WeakMap<Layout, readonly WizardStep[]>();

export function wizardSteps(layout: Layout): readonly WizardStep[] {
  const cached = stepsCache.get(layout);
  if (cached) return cached;
  const steps: WizardStep[] = layout.sections.map((section) => ({
    id: section.id,
    number: section.number,
    title: section.heading,
    section,
  }));
  steps.push({ id: CHECK_STEP_ID, number: null, title: "检查并提交", section: null });
  stepsCache.set(layout, steps);
  return steps;
}

/**
 * The step that shows a field: a cell's table, a narrative's section (the
 * preamble and the 统计期限 meta fields open step 一), anything else the
 * final check.
 */
export function stepOfField(layout: Layout, fieldId: string): string {
  const compiled = compileLayout(layout);
  const cell = compiled.cell(fieldId);
  if (cell) return cell.tableId;
  const firstNarrative = layout.sections.find((s) => s.kind === "narrative")?.id ?? CHECK_STEP_ID;
  if (fieldId.startsWith("meta.")) return firstNarrative;
  const field = compiled.narrativeField(fieldId);
  if (!field) return CHECK_STEP_ID;
  return field.sectionId === "preamble" ? firstNarrative : field.sectionId;
}

export interface StepProgress {
  /** Cells typed in, or required texts written. */
  readonly filled: number;
  readonly total: number;
}

interface StepFields {
  readonly cells: readonly string[];
  readonly texts: readonly NarrativeId[];
}

const fieldsCache = new WeakMap<Layout, ReadonlyMap<string, StepFields>>();

/** What counts towards a step's progress: the cells the clerk types; the required texts. */
function progressFields(layout: Layout): ReadonlyMap<string, StepFields> {
  const cached = fieldsCache.get(layout);
  if (cached) return cached;
  const compiled = compileLayout(layout);
  const out = new Map<string, { cells: string[]; texts: NarrativeId[] }>();
  for (const step of wizardSteps(layout)) out.set(step.id, { cells: [], texts: [] });
  for (const cell of compiled.inputCells) out.get(cell.tableId)?.cells.push(cell.id);
  for (const field of compiled.narrativeFields) {
    if (field.required) out.get(stepOfField(layout, field.id))?.texts.push(field.id);
  }
  fieldsCache.set(layout, out);
  return out;
}

export function stepProgress(layout: Layout, data: ReportData): ReadonlyMap<string, StepProgress> {
  const out = new Map<string, StepProgress>();
  for (const [stepId, fields] of progressFields(layout)) {
    if (stepId === CHECK_STEP_ID) continue;
    let filled = 0;
    for (const id of fields.cells) if (typeof data.cells[id] === "number") filled += 1;
    for (const id of fields.texts) if ((data.narrative[id] ?? "").trim() !== "") filled += 1;
    out.set(stepId, { filled, total: fields.cells.length + fields.texts.length });
  }
  return out;
}
