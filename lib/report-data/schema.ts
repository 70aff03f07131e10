/**
 * Value schemas derived from a layout: lenient for a draft, strict for
 * submission. The draft schema lets autosave store anything well-formed (so
 * nothing typed is lost on the way to a complete report); the
 * submit schema additionally demands every cell and required text. A cell's
 * type is checked, and its refusal worded, by lib/template's cell-types. Rules
 * that relate cells to each other live in lib/rules, not here.
 */
import { z } from "zod";
import {
  cellValueIssue,
  cellValueMessage,
  compileLayout,
  memoizeByLayout,
  type CellType,
  type Layout,
} from "../template";
import { checkedText } from "./text-characters";

export const MAX_NARRATIVE_LENGTH = 20_000;
export const MAX_ORGANIZATION_NAME_LENGTH = 100;
export const MIN_REPORT_YEAR = 2008; // the 条例 took effect on 2008-05-01
export const MAX_REPORT_YEAR = 2100;

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `text` is YYYY-MM-DD and names a real calendar day. */
export function isRealIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  return isRealDate(y, m, d);
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/** A figure of the cell type, refused with the one wording of lib/template's cell-types. */
function cellSchema(type: CellType): z.ZodType<number> {
  return z.number({ error: cellValueMessage("notNumber", type) }).superRefine((value, context) => {
    const issue = cellValueIssue(value, type);
    if (issue) context.addIssue({ code: "custom", message: cellValueMessage(issue, type) });
  });
}

const text = (max: number) =>
  checkedText(z.string({ error: "请填写文字" })).max(max, { error: `内容过长，请控制在 ${max} 字以内` });

const isoDate = z.string().regex(ISO_DATE, { error: "日期格式应为 YYYY-MM-DD" });

const draftMeta = z
  .object({
    organizationName: text(MAX_ORGANIZATION_NAME_LENGTH),
    year: z.number().int().min(MIN_REPORT_YEAR).max(MAX_REPORT_YEAR),
    periodStart: isoDate.optional(),
    periodEnd: isoDate.optional(),
  })
  .strict();

const realDate = isoDate.refine(isRealIsoDate, { error: "请填写真实存在的日期" });

const submitMeta = draftMeta.extend({
  organizationName: text(MAX_ORGANIZATION_NAME_LENGTH).refine((s) => s.trim().length > 0, {
    error: "请填写机关名称",
  }),
  periodStart: realDate.optional(),
  periodEnd: realDate.optional(),
});

function buildDraftSchema(layout: Layout) {
  const cells: Record<string, z.ZodOptional<z.ZodNullable<z.ZodType<number>>>> = {};
  const compiled = compileLayout(layout);
  for (const cell of compiled.cells) cells[cell.id] = cellSchema(cell.type).nullable().optional();
  const narrative: Record<string, z.ZodOptional<z.ZodType<string>>> = {};
  for (const field of compiled.narrativeFields) narrative[field.id] = text(MAX_NARRATIVE_LENGTH).optional();
  return z.object({
    cells: z.object(cells).strict(),
    narrative: z.object(narrative).strict(),
    meta: draftMeta,
  });
}

function buildSubmitSchema(layout: Layout) {
  const cells: Record<string, z.ZodType<number>> = {};
  const compiled = compileLayout(layout);
  for (const cell of compiled.cells) cells[cell.id] = cellSchema(cell.type);
  const narrative: Record<string, z.ZodType<string> | z.ZodOptional<z.ZodType<string>>> = {};
  for (const field of compiled.narrativeFields) {
    const base = text(MAX_NARRATIVE_LENGTH);
    narrative[field.id] = field.required
      ? base.refine((s) => s.trim().length > 0, { error: `请填写“${field.heading}”` })
      : base.optional();
  }
  return z.object({
    cells: z.object(cells).strict(),
    narrative: z.object(narrative).strict(),
    meta: submitMeta,
  });
}

export type DraftReportSchema = ReturnType<typeof buildDraftSchema>;
export type SubmitReportSchema = ReturnType<typeof buildSubmitSchema>;

/** Autosave: any well-formed values; unknown ids, wrong types and oversized text refused. */
export const draftReportSchema: (layout: Layout) => DraftReportSchema = memoizeByLayout(buildDraftSchema);

/** Submit gate (before the rule engine): every cell present and typed, required text filled. */
export const submitReportSchema: (layout: Layout) => SubmitReportSchema = memoizeByLayout(buildSubmitSchema);
