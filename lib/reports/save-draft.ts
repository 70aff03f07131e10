import "server-only";
import { z } from "zod";
import {
  parseReportData,
  toStoredReportData,
  withComputedTotals,
  type ReportData,
  type SavedDraft,
  type ServerCopy,
} from "@/lib/report-data";
import { db } from "@/lib/server/db";
import { compileLayout, type Layout } from "@/lib/template";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { editableStatuses, type ReportStatus } from "@/lib/workflow/transitions";
import { authorizeReport, type AuthorizedReport } from "./authorize-report";
import { layoutOf, parseStoredData } from "./evaluate-stored-report";
import { loadReport, type LoadedReport } from "./load-report";
import { reportAuditEvent } from "./report-audit-event";
import { expectedVersionField } from "./transition-report";

/**
 * The envelope of a save. Cells and texts are checked against the report's own layout
 * (lib/report-data parseReportData) once the report is loaded; here only their outer shape.
 */
export const saveDraftInput = z.strictObject({
  reportId: z.uuid({ error: "报告编号无效" }),
  expectedVersion: expectedVersionField,
  cells: z.record(z.string().max(100), z.number({ error: "请填写数字" }).nullable()),
  narrative: z.record(z.string().max(100), z.string({ error: "请填写文字" })),
  /**
   * Acts on many cells this save carries (components/report-form/use-form-acts.ts): a
   * 本年度未发生 fill, or its undo. Each is audited with the save that stores it.
   */
  acts: z
    .array(
      z.strictObject({
        kind: z.enum(["fillZero", "undoFillZero"], { error: "操作类型无效" }),
        tables: z.array(z.string().max(100)).min(1).max(20),
        cells: z.number().int().min(0).max(100_000),
      }),
      { error: "操作记录无效" },
    )
    .max(50, { error: "一次保存的操作记录过多" })
    .optional(),
});

export type SaveDraftInput = z.infer<typeof saveDraftInput>;

const NOT_EDITABLE = "报告已提交审核（或已审核、已发布），不能再修改；请刷新页面查看。如需修改，请联系审核人员退回。";

/** The server's copy of a report, for the clerk to compare with their own. */
function serverCopyOf(report: LoadedReport["report"]): ServerCopy {
  return {
    version: report.version,
    status: report.status as ReportStatus,
    data: parseStoredData(layoutOf(report), report.data),
    updatedAt: report.updatedAt.toISOString(),
  };
}

/**
 * Stores the clerk's draft. Lenient about completeness (the draft schema), strict about
 * shape: unknown ids, wrong types and oversized text are refused and nothing is written.
 * The write is guarded by the version the clerk's copy was based on; if someone saved in
 * between, the save is refused with CONFLICT and the server's version, so the clerk can
 * compare and choose. Totals are recomputed from their parts, and meta (body name, year,
 * 统计期限) is the server's: neither can be forged through a save.
 */
export const saveDraft = defineOperation({
  name: "saveDraft",
  action: "report.edit",
  authorize: (actor: Actor, input: SaveDraftInput) =>
    authorizeReport(actor, "report.edit", input.reportId, {
      // Submitted (e.g. from another tab) or approved: the policy says so, and the refusal
      // carries the server's copy, rather than "no permission".
      explain: (refusal, loaded) =>
        refusal === "INVALID_STATE" ? { message: NOT_EDITABLE, details: serverCopyOf(loaded.report) } : undefined,
    }),
  run: storeDraft,
});

async function storeDraft({ report }: AuthorizedReport, actor: Actor, input: SaveDraftInput): Promise<SavedDraft> {
  const layout = layoutOf(report);
  const stored = parseStoredData(layout, report.data);

  const reading = parseReportData(layout, { cells: input.cells, narrative: input.narrative, meta: stored.meta });
  if (!reading.ok) {
    const { place, reason, issues } = reading.error;
    throw new AppError("INVALID_INPUT", `保存的内容有误（${place}）：${reason}`, { issues });
  }
  const data: ReportData = { ...reading.data, cells: withComputedTotals(layout, reading.data.cells) };
  const json = toStoredReportData(data);
  const tableHeadings = new Map<string, string>(
    layout.sections.flatMap((section) => (section.kind === "table" ? [[section.id, section.heading] as const] : [])),
  );
  const unknownTable = input.acts?.flatMap((act) => act.tables).find((id) => !tableHeadings.has(id));
  if (unknownTable !== undefined)
    throw new AppError("INVALID_INPUT", `保存的操作记录有误：本报告没有表格“${unknownTable}”`);

  if (report.version !== input.expectedVersion) throw new AppError("CONFLICT", undefined, serverCopyOf(report));

  const version = input.expectedVersion + 1;
  const saved = await db.$transaction(async (tx) => {
    const updated = await tx.report.updateMany({
      where: { id: report.id, version: input.expectedVersion, status: { in: [...editableStatuses] } },
      // Typed over, the data is no longer what an import read (lib/reports/write-imported-report.ts).
      data: { data: json, version: { increment: 1 }, importId: null },
    });
    if (updated.count === 0) return null;
    await tx.reportRevision.create({
      data: { reportId: report.id, version, status: report.status, data: json, authorId: actor?.userId ?? null },
    });
    if (input.acts?.length)
      await tx.auditEvent.createMany({
        data: input.acts.map((act) => {
          const tables = act.tables.map((id) => tableHeadings.get(id)!).join("、");
          // The count audited is the server's own (this save against the stored version); the
          // browser's is kept beside it, as what the clerk was told.
          const cells = countActedCells(layout, act, stored.cells, data.cells);
          return reportAuditEvent(actor, act.kind === "fillZero" ? "report.fillZero" : "report.undoFillZero", report, {
            comment:
              act.kind === "fillZero"
                ? `${tables}：本年度未发生，已将 ${cells} 个空白格填为 0`
                : `${tables}：撤销本年度未发生，${cells} 格恢复为空白`,
            detail: { tables: act.tables, cells, reportedCells: act.cells, version },
          });
        }),
      });
    return tx.report.findUniqueOrThrow({ where: { id: report.id }, select: { updatedAt: true } });
  });
  if (!saved) {
    // Someone saved, submitted or was returned in between: say which, with their version.
    const current = await loadReport(report.id);
    const details = current ? serverCopyOf(current.report) : undefined;
    if (details && !editableStatuses.includes(details.status))
      throw new AppError("INVALID_STATE", NOT_EDITABLE, details);
    throw new AppError("CONFLICT", undefined, details);
  }
  return { version, savedAt: saved.updatedAt.toISOString() };
}

/**
 * The cells clerks type in an act's tables that this save turns from blank to 0 (a
 * 本年度未发生 fill) or from 0 back to blank (its undo); computed totals are not counted.
 */
function countActedCells(
  layout: Layout,
  act: NonNullable<SaveDraftInput["acts"]>[number],
  before: ReportData["cells"],
  after: ReportData["cells"],
): number {
  const tables = new Set<string>(act.tables);
  const [from, to] = act.kind === "fillZero" ? [null, 0] : [0, null];
  return compileLayout(layout).inputCells.filter(
    (cell) => tables.has(cell.tableId) && (before[cell.id] ?? null) === from && (after[cell.id] ?? null) === to,
  ).length;
}
