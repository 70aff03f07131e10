import "server-only";
import { randomUUID } from "node:crypto";
import type { SpreadsheetReading } from "@/lib/import/spreadsheet";
import { authorize, notFoundFor } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { loadOrganizationScope, loadSubtrees } from "@/lib/server/organization-scope";
import type { Actor } from "@/lib/workflow/policy";
import { creditCodeProblem, normalizeCreditCode } from "./credit-code";
import { normalizeDivisionCode } from "./division-code";
import type { UnitImportWorld } from "./plan-unit-import";
import { unitFieldsSelect } from "./unit-fields";
import type { Tx } from "./unit-store";

/** The county a list is imported into: found, a county, and one the actor may place units in. */
export async function loadImportCounty(actor: Actor, countyId: string | null) {
  if (countyId === null) throw notFoundFor(actor);
  const county = await db.organization.findUnique({
    where: { id: countyId },
    select: { id: true, name: true, kind: true, divisionCode: true, retiredAt: true },
  });
  if (!county) throw notFoundFor(actor);
  authorize(actor, "unit.create", await loadOrganizationScope(countyId));
  if (county.kind !== "COUNTY") throw new AppError("INVALID_INPUT", "单位名单只能导入到一个县（区）。");
  return county;
}

/** What planUnitImport needs: the county's units and whoever holds the file's codes, read through `tx`. */
export async function loadUnitImportWorld(
  tx: Tx | typeof db,
  county: UnitImportWorld["county"],
  reading: Extract<SpreadsheetReading, { ok: true }>,
): Promise<UnitImportWorld> {
  const subtree = (await loadSubtrees([county.id])).get(county.id) ?? [];
  const codes = reading.rows.flatMap((row) => row.cells.map((cell) => cell));
  const divisionCodes = codes.map(normalizeDivisionCode).filter((code) => /^\d{6,12}$/.test(code));
  const creditCodes = codes.map(normalizeCreditCode).filter((code) => code.length === 18 && !creditCodeProblem(code));
  // One after another: inside a transaction the queries share its connection.
  const units = await tx.organization.findMany({
    where: { id: { in: subtree }, NOT: { id: county.id } },
    select: unitFieldsSelect,
  });
  const codeOwners = await tx.organization.findMany({
    where: { OR: [{ divisionCode: { in: divisionCodes } }, { creditCode: { in: creditCodes } }] },
    select: unitFieldsSelect,
  });
  return { county, units, codeOwners, newId: randomUUID };
}
