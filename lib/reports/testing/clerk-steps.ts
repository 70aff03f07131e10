/**
 * The clerk's side of the review tests, through the server's own operations with a real
 * clerk actor: start the report, store its data, submit it. The wizard (built separately)
 * will drive the same steps through the browser; until it lands, the review tests and the
 * journey spec (via e2e/support/clerk-steps-cli.ts) use these.
 *
 * `saveReportDataAsClerk` stands in for the wizard's save-draft: the same guarded write
 * (policy report.edit, optimistic version, a ReportRevision per stored version).
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportData } from "@/lib/report-data";
import { compileLayout, standardPreamble, getLayout, layoutForYear } from "@/lib/template";
import { db } from "@/lib/server/db";
import { createAccount, oneTimePassword, type NewAccount } from "@/prisma/seed/create-account";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { authorizeReport } from "../authorize-report";
import { evaluateStoredReport } from "../evaluate-stored-report";
import { findingKey } from "@/lib/report-data";
import { getReport } from "../get-report";
import { startReport } from "../start-report";
import { transitionReport } from "../transition-report";

/** The signed-in user a seeded username stands for, as the policy sees them. */
export async function actorFor(username: string): Promise<NonNullable<Actor>> {
  const user = await db.user.findUniqueOrThrow({
    where: { username },
    select: { id: true, role: true, organizationId: true, mustChangePassword: true },
  });
  return {
    userId: user.id,
    role: user.role,
    organizationId: user.organizationId,
    ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
  };
}

/** The id of the seeded organization with this name. */
export async function organizationIdNamed(name: string): Promise<string> {
  return (await db.organization.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
}

/** Figures that pass every rule (the 宽城 2023 report's table values) with short, plain narrative. */
export function cleanReportData(
  organizationName: string,
  year: number,
  cells: Record<string, number | null> = {},
): ReportData {
  const layout = layoutForYear(year) ?? getLayout("gov-2021");
  const base: Record<string, number | null> = {};
  // t3/t4 balance: every row zero except requests received and handled (35 + 25 + …).
  for (const field of layout.sections.flatMap((section) =>
    section.kind === "table" ? section.grids.flatMap((grid) => grid.cells) : [],
  ))
    base[field.id] = 0;
  Object.assign(base, {
    "t2.rules.issued": 2,
    "t2.normative.issued": 13,
    "t2.normative.inForce": 58,
    "t2.licensing.decisions": 1204,
    "t2.fees.amount": 12.5,
  });
  Object.assign(base, {
    "t3.r1.natural": 35,
    "t3.r1.total": 35,
    "t3.r3_1.natural": 10,
    "t3.r3_1.total": 10,
    "t3.r3_4_1.natural": 25,
    "t3.r3_4_1.total": 25,
    "t3.r3_7.natural": 35,
    "t3.r3_7.total": 35,
  });
  Object.assign(base, cells);
  const narrative: Record<string, string> = {};
  for (const field of compileLayout(layout).narrativeFields)
    narrative[field.id] = `${field.heading}：按照要求做好相关工作。`;
  narrative.preamble = standardPreamble(layout, { organizationName, year });
  return {
    cells: base,
    narrative,
    meta: { organizationName, year, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` },
  };
}

/**
 * Opens the clerk's report for `year` (creating it), as the clerk page's button does in that
 * year's reporting season (December of `year`), so the tests' fixed years stay startable.
 */
export async function startReportAsClerk(clerk: Actor, year: number): Promise<string> {
  if (!clerk?.organizationId) throw new Error("a clerk with an organization is required");
  return (await startReport(clerk, clerk.organizationId, year, { today: new Date(year, 11, 1) })).id;
}

/** Stores the report's data as the clerk (the wizard's save-draft, guarded the same way). */
export async function saveReportDataAsClerk(clerk: Actor, reportId: string, data: ReportData): Promise<number> {
  const { report } = await authorizeReport(clerk, "report.edit", reportId);
  const stored = JSON.parse(JSON.stringify(data)) as Prisma.InputJsonObject;
  return db.$transaction(async (tx) => {
    const updated = await tx.report.updateMany({
      where: { id: reportId, version: report.version, status: report.status },
      data: { data: stored, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("CONFLICT");
    const version = report.version + 1;
    await tx.reportRevision.create({
      data: { reportId, version, status: report.status, data: stored, authorId: clerk?.userId ?? null },
    });
    return version;
  });
}

/** Submits as the clerk, giving a reason for every warning the server finds. */
export async function submitReportAsClerk(
  clerk: Actor,
  reportId: string,
  reason = "已核实，数据无误。",
): Promise<number> {
  const { report } = await getReport(clerk, reportId);
  const { findings } = await evaluateStoredReport(report);
  const acknowledgements = Object.fromEntries(
    findings.filter((finding) => finding.severity === "warning").map((finding) => [findingKey(finding), reason]),
  );
  const result = await transitionReport(clerk, {
    reportId,
    transition: "submit",
    expectedVersion: report.version,
    acknowledgements,
  });
  return result.version;
}

/**
 * The clerk's report for `year`, started and saved with clean data (`cells` changed): its id,
 * with the clerk and the name of the clerk's organization.
 */
export async function saveCleanReportAsClerk(username: string, year: number, cells: Record<string, number> = {}) {
  const clerk = await actorFor(username);
  const reportId = await startReportAsClerk(clerk, year);
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: clerk.organizationId! },
    select: { name: true },
  });
  await saveReportDataAsClerk(clerk, reportId, cleanReportData(organization.name, year, cells));
  return { clerk, reportId, organizationName: organization.name };
}

/** The same report, then submitted: also the version it was submitted as. */
export async function submitCleanReportAsClerk(username: string, year: number, cells: Record<string, number> = {}) {
  const saved = await saveCleanReportAsClerk(username, year, cells);
  return { ...saved, version: await submitReportAsClerk(saved.clerk, saved.reportId) };
}

/**
 * A sign-in account a test adds to the seeded ones (a second reviewer, a county administrator,
 * the clerk of a unit the test created), as the policy sees it. Its password is never used.
 */
export async function actorOfNewAccount(account: Omit<NewAccount, "password" | "mustChangePassword">) {
  await createAccount(db, { ...account, password: oneTimePassword(), mustChangePassword: false });
  return actorFor(account.username);
}
