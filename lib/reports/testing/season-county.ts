/**
 * A county of its own for the season board's journeys: its units, a clerk each and a
 * reviewer (sign-in accounts with the given password), and each unit's report for `year`
 * brought to the state asked for through the server's own operations (start, save, submit
 * as the clerk; approve or return as the reviewer). Publishing renders the PDF with
 * @react-pdf, which does not run under the `react-server` condition the e2e scripts need, so
 * the journeys publish an approved report in the browser, as a reviewer does.
 */
import "server-only";
import { createAccount } from "@/prisma/seed/create-account";
import { db } from "@/lib/server/db";
import { approveReport } from "../approve-report";
import { returnReport } from "../return-report";
import {
  actorFor,
  cleanReportData,
  saveReportDataAsClerk,
  startReportAsClerk,
  submitReportAsClerk,
} from "./clerk-steps";

export type SeasonUnitState = "APPROVED" | "SUBMITTED" | "RETURNED" | "DRAFT" | "NOT_STARTED";

export type SeasonCountySpec = {
  countyName: string;
  reviewerUsername: string;
  password: string;
  year: number;
  units: readonly { name: string; clerkUsername: string; state: SeasonUnitState }[];
};

export type SeasonCounty = {
  countyId: string;
  units: { name: string; clerkUsername: string; organizationId: string; reportId: string | null }[];
};

export async function seedSeasonCounty(spec: SeasonCountySpec): Promise<SeasonCounty> {
  const county = await db.organization.create({
    data: { name: spec.countyName, kind: "COUNTY" },
    select: { id: true },
  });
  const account = (username: string, name: string, role: "CLERK" | "REVIEWER", organizationId: string) =>
    createAccount(db, { username, name, role, organizationId, password: spec.password, mustChangePassword: false });
  await account(spec.reviewerUsername, `${spec.countyName} 审核员`, "REVIEWER", county.id);
  const reviewer = await actorFor(spec.reviewerUsername);
  const units: SeasonCounty["units"] = [];
  for (const unit of spec.units) {
    const { id: organizationId } = await db.organization.create({
      data: { name: unit.name, kind: "TOWNSHIP", parentId: county.id },
      select: { id: true },
    });
    await account(unit.clerkUsername, `${unit.name} 填报员`, "CLERK", organizationId);
    units.push({ ...unit, organizationId, reportId: await bringTo(unit, reviewer, spec.year) });
  }
  return { countyId: county.id, units };
}

async function bringTo(
  unit: SeasonCountySpec["units"][number],
  reviewer: Awaited<ReturnType<typeof actorFor>>,
  year: number,
): Promise<string | null> {
  if (unit.state === "NOT_STARTED") return null;
  const clerk = await actorFor(unit.clerkUsername);
  const reportId = await startReportAsClerk(clerk, year);
  await saveReportDataAsClerk(clerk, reportId, cleanReportData(unit.name, year));
  if (unit.state === "DRAFT") return reportId;
  const expectedVersion = await submitReportAsClerk(clerk, reportId);
  if (unit.state === "RETURNED")
    await returnReport(reviewer, { reportId, expectedVersion, comment: "请核对第三部分的数字。" });
  if (unit.state === "APPROVED") await approveReport(reviewer, { reportId, expectedVersion });
  return reportId;
}
