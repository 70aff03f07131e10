/**
 * The label of one regression-corpus entry (fixtures/corpus/<entry>/label.json): what a
 * careful person read in the published document, written by reading it, never from the
 * checker's output. A typed, validated codec: `parseCorpusLabel` turns JSON into a
 * `CorpusLabel` whose every table row has its layout's width, or says in zh-CN what is wrong.
 * Universal: no I/O.
 */
import { z } from "zod";
import { organizationKinds, type OrganizationKind } from "../../report-data";
import { compileLayout, getLayout, type CellId, type LayoutId } from "../../template";

/** A published figure in the template's unit (counts; 万元 for amounts), or null where the cell is blank. */
const cellValue = z.number().finite().nullable();

/** One table row as printed, in the layout's column order. */
const row = z.array(cellValue).min(1);

const kinds = Object.keys(organizationKinds) as [OrganizationKind, ...OrganizationKind[]];

/**
 * What kind of defect a reader of the document sees. `arithmetic`: a printed total or
 * balance does not add up; `completeness`: a row, a column's figures or a section the layout
 * requires is not in the document; `identity`: the body or its kind is named wrongly;
 * `period`: the 统计期限 is not a real period; `layout`: headings, numbering or wording differ
 * from the template; `other`: anything else worth a finding.
 */
export const defectKinds = ["arithmetic", "completeness", "identity", "period", "layout", "other"] as const;
export type DefectKind = (typeof defectKinds)[number];

const defect = z
  .object({
    kind: z.enum(defectKinds),
    /** zh-CN: what a reader sees, where. */
    description: z.string().min(1),
    /**
     * The ids a finding or a reading problem about this defect may carry: rule ids or their
     * prefixes (`t3.balance`, `completeness.cells`) and reading-problem codes (`row.missing`).
     */
    accepts: z.array(z.string().min(1)).min(1),
    /** The cells, rows or sections it is about; a finding must name one of them (a prefix matches). Empty: anywhere. */
    places: z.array(z.string().min(1)).default([]),
  })
  .strict();

const labelSchema = z
  .object({
    /** The published file in the entry's folder. */
    file: z.string().min(1),
    title: z.string().min(1),
    /** The body as the title names it. */
    organization: z.string().min(1),
    /** Its kind, or null where the name does not tell and no kind fits (a 管委会, a 设区的市's office). */
    organizationKind: z.enum(kinds).nullable(),
    year: z.number().int().min(2008).max(2100),
    layoutId: z.enum(["gov-2019", "gov-2021"]),
    /** Grid id → row id → printed row. A row the document does not print is left out (and labelled a defect). */
    tables: z.record(z.string(), z.record(z.string(), row)),
    defects: z.array(defect).default([]),
    /** Anything else the labeller wants the next reader to know (units converted, cells read as blank…). */
    notes: z.string().default(""),
  })
  .strict();

export type CorpusDefect = z.infer<typeof defect>;
export type CorpusLabel = z.infer<typeof labelSchema> & { readonly layoutId: LayoutId };

/** Where an entry's file comes from: a repository file or a page, and when it was fetched. */
const sourceSchema = z
  .object({
    /** `repository`: a file of a public repository; `page`: a stored public page; `derived`: made from another entry's file. */
    kind: z.enum(["repository", "page", "derived"]),
    repository: z.string().optional(),
    path: z.string().optional(),
    commit: z.string().optional(),
    url: z.string().optional(),
    /** The entry a derived file was made from, and how. */
    derivedFrom: z.string().optional(),
    method: z.string().optional(),
    fetched: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** zh-CN or English: what was done to the bytes between the source and this file, if anything. */
    notes: z.string().default(""),
  })
  .strict();

export type CorpusSource = z.infer<typeof sourceSchema>;

export type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: string[] };

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "（根）"}：${issue.message}`);
}

/** The cell ids of one labelled grid row, or why the row does not fit the layout. */
function rowCellIds(layoutId: LayoutId, gridId: string, rowId: string, width: number): CellId[] | string {
  const cells = compileLayout(getLayout(layoutId)).cells.filter((c) => c.gridId === gridId && c.row === rowId);
  if (cells.length === 0) return `tables.${gridId}.${rowId}：${layoutId} 没有这一行`;
  if (cells.length !== width) return `tables.${gridId}.${rowId}：这一行有 ${cells.length} 列，标注了 ${width} 个值`;
  return cells.map((c) => c.id);
}

/** Validates a label: its shape, and that every row exists in its layout with that many columns. */
export function parseCorpusLabel(json: unknown): Decoded<CorpusLabel> {
  const parsed = labelSchema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const issues: string[] = [];
  for (const [gridId, rows] of Object.entries(parsed.data.tables))
    for (const [rowId, values] of Object.entries(rows)) {
      const ids = rowCellIds(parsed.data.layoutId, gridId, rowId, values.length);
      if (typeof ids === "string") issues.push(ids);
    }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}

export function parseCorpusSource(json: unknown): Decoded<CorpusSource> {
  const parsed = sourceSchema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const s = parsed.data;
  const missing =
    s.kind === "repository" && !(s.repository && s.path)
      ? "repository 来源须写明 repository 和 path"
      : s.kind === "page" && !s.url
        ? "page 来源须写明 url"
        : s.kind === "derived" && !(s.derivedFrom && s.method)
          ? "derived 来源须写明 derivedFrom 和 method"
          : null;
  return missing ? { ok: false, issues: [missing] } : { ok: true, value: s };
}

/** The labelled cells by id: a number, or null for a blank cell. */
export function labelledCells(label: CorpusLabel): Map<CellId, number | null> {
  const out = new Map<CellId, number | null>();
  for (const [gridId, rows] of Object.entries(label.tables))
    for (const [rowId, values] of Object.entries(rows)) {
      const ids = rowCellIds(label.layoutId, gridId, rowId, values.length);
      if (typeof ids === "string") throw new Error(ids);
      ids.forEach((id, i) => out.set(id, values[i] ?? null));
    }
  return out;
}
