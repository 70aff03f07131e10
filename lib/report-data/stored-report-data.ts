/**
 * Report values to and from JSON: what the database stores (reports, revisions,
 * publications) and what a save sends. Reading goes through the layout's draft schema, so
 * JSON becomes typed data only when it is report data of that layout; otherwise the
 * answer is an error that says in zh-CN where and what is wrong. Nothing is cast.
 */
import type { z } from "zod";
import type { Layout } from "../template";
import { fieldLabel } from "./field-labels";
import { draftReportSchema } from "./schema";
import type { ReportData, ReportMeta } from "./types";

/** ReportData as plain JSON: no undefined, no non-finite numbers. */
export type StoredReportData = {
  readonly cells: { readonly [id: string]: number | null };
  readonly narrative: { readonly [id: string]: string };
  readonly meta: ReportMeta;
};

export interface ReportDataIssue {
  readonly path: string;
  readonly message: string;
}

/** Why JSON is not report data of its layout. */
export interface ReportDataError {
  /** zh-CN, the first problem with its place: “（一）予以公开·自然人：请输入整数”. */
  readonly message: string;
  /** Where, in words: a cell's label, a text's heading, a meta field, or the part of the data. */
  readonly place: string;
  /** What is wrong there, zh-CN. */
  readonly reason: string;
  /** The first few problems with their paths, for the log. */
  readonly issues: readonly ReportDataIssue[];
}

export type ReportDataReading =
  { readonly ok: true; readonly data: ReportData } | { readonly ok: false; readonly error: ReportDataError };

const partNames: Readonly<Record<string, string>> = { cells: "表格数据", narrative: "正文", meta: "报告信息" };

const quote = (text: string): string => `“${text}”`;

/**
 * zh-CN wording for the refusals the schema leaves to zod (it words cells, texts and dates
 * itself): keys the layout does not have, values of the wrong kind, years out of range.
 */
function reasonFor(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `数据项${issue.keys.map(quote).join("、")}不属于本报告格式`;
    case "invalid_type":
      return issue.input === undefined ? "缺少此项" : "格式不正确";
    case "too_small":
    case "too_big":
      return "超出允许的范围";
    default:
      return "格式不正确";
  }
}

function placeOf(layout: Layout, path: readonly PropertyKey[]): string {
  const [part, id] = path.map(String);
  if (part === undefined) return "报告数据";
  if (id === undefined) return partNames[part] ?? part;
  const fieldId = part === "meta" ? `meta.${id}` : id;
  return fieldLabel(layout, fieldId) ?? id;
}

export function parseReportData(layout: Layout, json: unknown): ReportDataReading {
  const parsed = draftReportSchema(layout).safeParse(json, { error: reasonFor });
  if (parsed.success) return { ok: true, data: parsed.data };
  const issues = parsed.error.issues;
  const first = issues[0];
  const place = placeOf(layout, first?.path ?? []);
  const reason = first?.message ?? "格式不正确";
  return {
    ok: false,
    error: {
      message: `${place}：${reason}`,
      place,
      reason,
      issues: issues.slice(0, 5).map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    },
  };
}

/** The data as JSON to store: what JSON.stringify would keep (undefined dropped, NaN as null). */
export function toStoredReportData(data: ReportData): StoredReportData {
  const cells: Record<string, number | null> = {};
  for (const [id, value] of Object.entries(data.cells)) {
    if (value !== undefined) cells[id] = value !== null && Number.isFinite(value) ? value : null;
  }
  const narrative: Record<string, string> = {};
  for (const [id, text] of Object.entries(data.narrative)) if (text !== undefined) narrative[id] = text;
  const { organizationName, year, periodStart, periodEnd } = data.meta;
  const meta: ReportMeta = {
    organizationName,
    year,
    ...(periodStart === undefined ? {} : { periodStart }),
    ...(periodEnd === undefined ? {} : { periodEnd }),
  };
  return { cells, narrative, meta };
}
