/**
 * Value schemas derived from a layout (principle 4, lenient draft / strict
 * submit). The draft schema lets autosave store anything well-formed; the
 * submit schema additionally demands every cell and required text. Rules
 * that relate cells to each other live in lib/rules, not here.
 */
import { z } from "zod";
import { listCells, listNarrativeFields } from "./catalog";
import type { CellType, Layout } from "./types";

/** Largest figure any cell may hold; larger is a typing slip, not a statistic. */
export const MAX_CELL_VALUE = 1_000_000_000;
export const MAX_MONEY_DECIMALS = 4;
export const MAX_NARRATIVE_LENGTH = 20_000;
export const MAX_ORGANIZATION_NAME_LENGTH = 100;
export const MIN_REPORT_YEAR = 2008; // the 条例 took effect on 2008-05-01
export const MAX_REPORT_YEAR = 2100;

/** C0 controls except tab, LF, CR; and DEL. Pasted Word text sometimes carries them. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Decimal places of a finite number as written in shortest form (handles 1e-7). */
export function decimalPlaces(value: number): number {
  const text = String(Math.abs(value));
  const exp = text.indexOf("e-");
  if (exp >= 0) {
    const mantissa = text.slice(0, exp);
    const dot = mantissa.indexOf(".");
    return (dot >= 0 ? mantissa.length - dot - 1 : 0) + Number(text.slice(exp + 2));
  }
  const dot = text.indexOf(".");
  return dot >= 0 ? text.length - dot - 1 : 0;
}

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

export function cellValueSchema(type: CellType): z.ZodNumber {
  const number = z.number({ error: "请输入数字" }).finite({ error: "请输入数字" });
  switch (type) {
    case "count":
      return number
        .int({ error: "请输入整数" })
        .min(0, { error: "请输入 0 或正整数" })
        .max(MAX_CELL_VALUE, { error: "数值过大，请核对" });
    case "signedCount":
      return number
        .int({ error: "请输入整数（减少请填负数）" })
        .min(-MAX_CELL_VALUE, { error: "数值过大，请核对" })
        .max(MAX_CELL_VALUE, { error: "数值过大，请核对" });
    case "money":
      return number.min(0, { error: "金额不能为负数" }).max(MAX_CELL_VALUE, { error: "数值过大，请核对" });
  }
}

function cellSchema(type: CellType): z.ZodType<number> {
  const base = cellValueSchema(type);
  return type === "money"
    ? base.refine((v) => decimalPlaces(v) <= MAX_MONEY_DECIMALS, { error: "金额最多保留 4 位小数" })
    : base;
}

const text = (max: number) =>
  z
    .string()
    .max(max, { error: `内容过长，请控制在 ${max} 字以内` })
    .refine((s) => !CONTROL_CHARACTERS.test(s), { error: "内容含有不可见的控制字符，请删除后重新粘贴" });

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
  for (const cell of listCells(layout)) cells[cell.id] = cellSchema(cell.type).nullable().optional();
  const narrative: Record<string, z.ZodOptional<z.ZodType<string>>> = {};
  for (const field of listNarrativeFields(layout)) narrative[field.id] = text(MAX_NARRATIVE_LENGTH).optional();
  return z.object({
    cells: z.object(cells).strict(),
    narrative: z.object(narrative).strict(),
    meta: draftMeta,
  });
}

function buildSubmitSchema(layout: Layout) {
  const cells: Record<string, z.ZodType<number>> = {};
  for (const cell of listCells(layout)) cells[cell.id] = cellSchema(cell.type);
  const narrative: Record<string, z.ZodType<string> | z.ZodOptional<z.ZodType<string>>> = {};
  for (const field of listNarrativeFields(layout)) {
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

const draftCache = new WeakMap<Layout, DraftReportSchema>();
const submitCache = new WeakMap<Layout, SubmitReportSchema>();

/** Autosave: any well-formed values; unknown ids, wrong types and oversized text refused. */
export function draftReportSchema(layout: Layout): DraftReportSchema {
  let schema = draftCache.get(layout);
  if (!schema) {
    schema = buildDraftSchema(layout);
    draftCache.set(layout, schema);
  }
  return schema;
}

/** Submit gate (before the rule engine): every cell present and typed, required text filled. */
export function submitReportSchema(layout: Layout): SubmitReportSchema {
  let schema = submitCache.get(layout);
  if (!schema) {
    schema = buildSubmitSchema(layout);
    submitCache.set(layout, schema);
  }
  return schema;
}
