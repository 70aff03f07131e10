import "server-only";
import { readSpreadsheetUpload } from "@/lib/import/server";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { loadImportCounty, loadUnitImportWorld } from "./load-unit-import-world";
import { planUnitImport } from "./plan-unit-import";
import type { UnitImportFile } from "./preview-unit-import";
import { lockUnitTree } from "./unit-store";

export type UnitImportResult = { created: number; existing: number; skipped: number };

/**
 * Imports a list of units into a county: the file is read again and planned again inside one
 * transaction under the tree lock (what the preview showed may have changed meanwhile), then
 * the rows to create are inserted, each audited as unit.create, the import as unit.import.
 * A file with problem rows is refused unless `onlyCleanRows` is set, and then those rows are
 * skipped. Rows already there change nothing, so importing the same file again creates nothing.
 */
export const importUnits = defineOperation({
  name: "importUnits",
  action: "unit.create",
  authorize: async (
    actor: Actor,
    countyId: string | null,
    _file: UnitImportFile,
    _options: { onlyCleanRows: boolean },
  ) => loadImportCounty(actor, countyId),
  run: async (county, actor, _countyId, file, options): Promise<UnitImportResult> => {
    const reading = await readSpreadsheetUpload(file.fileName, file.bytes);
    if (!reading.ok) throw new AppError("INVALID_INPUT", reading.message);
    return db.$transaction(
      async (tx) => {
        await lockUnitTree(tx);
        const plan = planUnitImport(reading, await loadUnitImportWorld(tx, county, reading));
        if (!plan.ok) throw new AppError("INVALID_INPUT", plan.message);
        if (plan.counts.problem > 0 && !options.onlyCleanRows)
          throw new AppError(
            "INVALID_INPUT",
            `表中有 ${plan.counts.problem} 行有问题，未导入任何单位。请修改后重新上传，或选择“只导入没有问题的行”。`,
          );
        const units = plan.rows.flatMap((row) => (row.unit ? [row.unit] : []));
        await tx.organization.createMany({
          data: units.map((unit) => ({
            ...unit,
            divisionCode: unit.divisionCode || null,
            creditCode: unit.creditCode || null,
          })),
        });
        const actorId = actor?.userId ?? null;
        await tx.auditEvent.createMany({
          data: [
            ...units.map((unit) => ({
              action: "unit.create",
              actorId,
              organizationId: unit.id,
              detail: { ...unit, source: "import", fileName: file.fileName },
            })),
            {
              action: "unit.import",
              actorId,
              organizationId: county.id,
              detail: { fileName: file.fileName, ...plan.counts },
            },
          ],
        });
        return { created: plan.counts.create, existing: plan.counts.existing, skipped: plan.counts.problem };
      },
      // A list of a few thousand rows is inserted in two statements; the default 5 s bounds the whole transaction.
      { timeout: 30_000 },
    );
  },
});
