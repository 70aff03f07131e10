import { createAccount } from "../../prisma/seed/create-account";
import type { OrganizationKind, ReportStatus, Role } from "../../lib/generated/prisma/enums";
import { withComputedTotals, type ReportData } from "../../lib/report-data";
import { compileLayout, layoutForYear } from "../../lib/template";
import { withDatabase } from "../wizard-helpers";

/** Tables that pass every rule: `received` requests, all granted, zero elsewhere. */
function passingReportData(year: number, organizationName: string, received: number): ReportData {
  const layout = layoutForYear(year)!;
  const cells: Record<string, number> = {};
  for (const { id } of compileLayout(layout).inputCells) cells[id] = 0;
  Object.assign(cells, { "t3.r1.natural": received, "t3.r3_1.natural": received, "t2.rules.issued": 1 });
  return { cells: withComputedTotals(layout, cells), narrative: {}, meta: { organizationName, year } };
}

export type SummaryCountyUnit = {
  name: string;
  kind: OrganizationKind;
  /** The unit's report of the year and its requests received; none: not started. */
  report?: { status: ReportStatus; received: number };
};

/**
 * A county of a journey's own for the county summary (so no other journey's reports count):
 * its units with their reports of `year`, written straight to the database, and its staff
 * (county-level accounts with `password`). Once per database: a rerun finds the county.
 */
export async function createSummaryCounty(county: {
  name: string;
  divisionCode: string;
  year: number;
  units: readonly SummaryCountyUnit[];
  staff: readonly { username: string; role: Role }[];
  password: string;
}): Promise<void> {
  const layout = layoutForYear(county.year)!;
  await withDatabase(async (db) => {
    if (await db.organization.findFirst({ where: { name: county.name } })) return;
    const countyRow = await db.organization.create({
      data: { name: county.name, kind: "COUNTY", divisionCode: county.divisionCode },
    });
    for (const { name, kind, report } of county.units) {
      const unit = await db.organization.create({ data: { name, kind, parentId: countyRow.id } });
      if (!report) continue;
      await db.report.create({
        data: {
          organizationId: unit.id,
          year: county.year,
          templateId: layout.id,
          templateVersion: layout.version,
          status: report.status,
          data: JSON.parse(JSON.stringify(passingReportData(county.year, name, report.received))),
        },
      });
    }
    for (const { username, role } of county.staff)
      await createAccount(db, {
        username,
        name: `${county.name} ${username}`,
        role,
        organizationId: countyRow.id,
        password: county.password,
        mustChangePassword: false,
      });
  });
}
