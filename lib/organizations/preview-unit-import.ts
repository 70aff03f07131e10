import "server-only";
import { readSpreadsheetUpload } from "@/lib/import/server";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { loadImportCounty, loadUnitImportWorld } from "./load-unit-import-world";
import { planUnitImport, type UnitImportPlan } from "./plan-unit-import";

export type UnitImportFile = { fileName: string; bytes: Uint8Array };

/** What the import page shows before anything is written: the file's refusal, or each row's outcome. */
export type UnitImportPreview = UnitImportPlan & { fileName: string };

/**
 * Reads an uploaded list of units (in the reading pool) and says what importing it into the
 * county would do, row by row, with each row's problems in zh-CN. Changes nothing.
 */
export const previewUnitImport = defineOperation({
  name: "previewUnitImport",
  action: "unit.create",
  authorize: async (actor: Actor, countyId: string | null, _file: UnitImportFile) => loadImportCounty(actor, countyId),
  run: async (county, _actor, _countyId, file): Promise<UnitImportPreview> => {
    const reading = await readSpreadsheetUpload(file.fileName, file.bytes);
    if (!reading.ok) return { ok: false, message: reading.message, fileName: file.fileName };
    const plan = planUnitImport(reading, await loadUnitImportWorld(db, county, reading));
    // The ids planned for new units mean nothing until an import chooses its own.
    if (plan.ok) return { ...plan, rows: plan.rows.map(({ unit: _planned, ...row }) => row), fileName: file.fileName };
    return { ...plan, fileName: file.fileName };
  },
});
