/**
 * The province of the peak bench (bench/peak.bench.ts), written straight into the database
 * (one createMany per table and batch): counties of `unitsPerCounty` units (townships,
 * towns, subdistricts and departments), a clerk for every unit and a reviewer for every
 * county, this season's report of every unit and last year's published report of the
 * first `publishedCounties` counties.
 *
 * One unit in `units / active` of every county (a tenth by default) is active: its report is
 * a draft its clerk is filling in. The other units' reports are drafts, submitted or
 * approved, so the board has every column to fill. Drafts hold a share of their figures and texts (20–80%, per unit), as a report half
 * written in January does.
 *
 * All accounts share one argon2id hash of PEAK_PASSWORD: hashing 4,650 passwords would take
 * minutes (README, "How long a county's set-up takes") and is not what is measured; each
 * sign-in still verifies it in full. Publications share one rendering (the public pages
 * serve its bytes; the catalogue reads its rows).
 */
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "../../lib/generated/prisma/client";
import { chinaDay, toDateColumn } from "../../lib/format/calendar-day";
import { blankReportData, parseReportData, toStoredReportData, withComputedTotals } from "../../lib/report-data";
import type { StoredReportData } from "../../lib/report-data";
import { sampleReportData } from "../../lib/report-data/sample-report-data";
import { renderReportHtml } from "../../lib/render/html/render-report-html";
import { renderReportPdf } from "../../lib/render/pdf/render-report-pdf";
import { toReportView } from "../../lib/render/to-report-view";
import { reportingYear } from "../../lib/reports/reporting-year";
import { compileLayout, layoutForYear, type Layout, type LayoutCell } from "../../lib/template";
import { hashPassword } from "../../lib/server/password";
import type { createScriptClient } from "../../scripts/lib/prisma-client";
import { seededRandom } from "../../lib/render/pdf/testing/stress-reports";

export const PEAK_PASSWORD = "peak-bench-password";

type Db = ReturnType<typeof createScriptClient>;
type Kind = "TOWNSHIP" | "TOWN" | "SUBDISTRICT" | "DEPARTMENT";

const SENTENCES = [
  "全年通过政府网站主动公开政府信息，及时更新机构职能、政策文件和财政预决算信息。",
  "依申请公开工作按照《条例》规定的期限办理，答复内容完整、依据充分。",
  "加强政府信息公开平台建设，规范栏目设置，提升信息发布的及时性和准确性。",
  "组织工作人员参加政府信息公开业务培训，提高依法公开的能力和水平。",
  "对照上级检查中指出的问题逐项整改，完善信息发布审核和保密审查机制。",
];

/**
 * An active clerk's report as the wizard holds it: figures and texts changing cell by cell,
 * the whole draft sent with each save, and the data the server must store for it (read and
 * totalled by the same universal functions the save runs: lib/report-data).
 */
export class ClerkDraft {
  private readonly cells: Record<string, number | null>;
  private readonly narrative: Record<string, string>;
  private readonly inputCells: readonly LayoutCell[];
  private readonly textIds: readonly string[];
  private readonly random: () => number;
  private readonly layout: Layout;
  private readonly stored: StoredReportData;
  private next: number;

  constructor(layout: Layout, stored: StoredReportData, seed: number) {
    this.layout = layout;
    this.stored = stored;
    this.cells = { ...stored.cells };
    this.narrative = { ...stored.narrative };
    const compiled = compileLayout(layout);
    this.inputCells = compiled.inputCells;
    this.textIds = compiled.narrativeFields.map((field) => field.id).filter((id) => id !== "preamble");
    this.random = seededRandom(seed);
    this.next = Math.max(
      0,
      this.inputCells.findIndex((cell) => this.cells[cell.id] === null),
    );
  }

  /**
   * One autosave's worth of typing: mostly the next empty figure or two (or a figure
   * corrected), sometimes a sentence added to a text.
   */
  edit(): void {
    if (this.random() < 0.2) {
      const id = this.textIds[Math.floor(this.random() * this.textIds.length)]!;
      const sentence = SENTENCES[Math.floor(this.random() * SENTENCES.length)]!;
      // A text the clerk keeps writing, up to a few paragraphs (well inside the 1 MB cap).
      const text = this.narrative[id] ?? "";
      this.narrative[id] = text.length > 3_000 ? sentence : text + sentence;
      return;
    }
    const count = 1 + Math.floor(this.random() * 2);
    for (let typed = 0; typed < count; typed += 1) {
      const isCorrection = this.next >= this.inputCells.length || this.random() < 0.15;
      const cell = isCorrection
        ? this.inputCells[Math.floor(this.random() * this.inputCells.length)]!
        : this.inputCells[this.next++]!;
      this.cells[cell.id] = figureFor(cell, this.random);
    }
  }

  /** What the wizard sends: every cell and text of the form. */
  payload(): { cells: Record<string, number | null>; narrative: Record<string, string> } {
    return {
      cells: withComputedTotals(this.layout, this.cells),
      narrative: { ...this.narrative },
    };
  }

  /** The data the server stores for this payload (lib/reports/save-draft.ts storeDraft). */
  expectedStored(): StoredReportData {
    const { cells, narrative } = this.payload();
    const reading = parseReportData(this.layout, { cells, narrative, meta: this.stored.meta });
    if (!reading.ok) throw new Error(`the bench's draft is not report data: ${reading.error.message}`);
    return toStoredReportData({ ...reading.data, cells: withComputedTotals(this.layout, reading.data.cells) });
  }
}

function figureFor(cell: LayoutCell, random: () => number): number {
  if (cell.type === "money") return Math.round(random() * 500_00) / 100;
  if (cell.type === "signedCount") return Math.floor(random() * 40) - 10;
  return Math.floor(random() * 60);
}

/** A draft with `share` of its figures and texts filled from the template's sample values. */
function partialDraft(layout: Layout, organizationName: string, year: number, share: number): StoredReportData {
  const blank = blankReportData(layout, organizationName, year);
  const sample = sampleReportData(layout, { organizationName, year });
  const inputs = compileLayout(layout).inputCells;
  const cells: Record<string, number | null> = { ...blank.cells } as Record<string, number | null>;
  inputs.slice(0, Math.round(inputs.length * share)).forEach((cell) => (cells[cell.id] = sample.cells[cell.id] ?? 0));
  const narrative: Record<string, string> = { ...blank.narrative } as Record<string, string>;
  const texts = Object.keys(narrative).filter((id) => id !== "preamble");
  for (const id of texts.slice(0, Math.round(texts.length * share)))
    narrative[id] = sample.narrative[id as keyof typeof sample.narrative] ?? "";
  return toStoredReportData({ ...blank, cells: withComputedTotals(layout, cells), narrative });
}

export type ActiveClerk = {
  username: string;
  reportId: string;
  /** The report's version when the peak starts. */
  version: number;
  draft: ClerkDraft;
};

export type Province = {
  year: number;
  counties: { id: string; reviewer: string; submittedReportIds: string[] }[];
  activeClerks: ActiveClerk[];
  /** Report ids with a publication (last year's), for the citizens. */
  publishedReportIds: string[];
  accounts: number;
  reports: number;
  publications: number;
};

const unitKinds: { kind: Kind; name: (county: number, index: number) => string }[] = [
  { kind: "TOWNSHIP", name: (county, index) => `峰${county}县第${index}乡人民政府` },
  { kind: "TOWN", name: (county, index) => `峰${county}县第${index}镇人民政府` },
  { kind: "SUBDISTRICT", name: (county, index) => `峰${county}县第${index}街道办事处` },
  { kind: "DEPARTMENT", name: (county, index) => `峰${county}县第${index}局` },
];

export async function writeProvince(
  db: Db,
  options: { units: number; unitsPerCounty: number; active: number; publishedCounties: number; now?: Date },
): Promise<Province> {
  const year = reportingYear(options.now ?? new Date());
  const layout = layoutForYear(year)!;
  const lastLayout = layoutForYear(year - 1)!;
  const random = seededRandom(17);
  const passwordHash = await hashPassword(PEAK_PASSWORD);
  const countyCount = Math.ceil(options.units / options.unitsPerCounty);
  const activeEvery = Math.max(1, Math.round(options.units / Math.max(1, options.active)));

  const counties = Array.from({ length: countyCount }, (_, index) => ({
    id: randomUUID(),
    name: `峰${index + 1}县`,
    kind: "COUNTY" as const,
    divisionCode: String(700_000 + index + 1),
  }));
  await db.organization.createMany({ data: counties });
  type Unit = { id: string; name: string; kind: Kind; county: number; index: number };
  const units: Unit[] = [];
  for (let at = 0; at < options.units; at += 1) {
    const county = Math.floor(at / options.unitsPerCounty);
    const index = at % options.unitsPerCounty;
    const kind = unitKinds[index % unitKinds.length]!;
    units.push({ id: randomUUID(), name: kind.name(county + 1, index + 1), kind: kind.kind, county, index });
  }
  for (let at = 0; at < units.length; at += 1000)
    await db.organization.createMany({
      data: units
        .slice(at, at + 1000)
        .map((unit) => ({ id: unit.id, name: unit.name, kind: unit.kind, parentId: counties[unit.county]!.id })),
    });

  // Accounts: a clerk per unit, a reviewer per county.
  type Account = { username: string; name: string; role: "CLERK" | "REVIEWER"; organizationId: string };
  const accounts: Account[] = [
    ...units.map((unit) => ({
      username: `peak-${unit.county + 1}-${unit.index + 1}`,
      name: `${unit.name}填报员`,
      role: "CLERK" as const,
      organizationId: unit.id,
    })),
    ...counties.map((county, index) => ({
      username: `peak-${index + 1}-review`,
      name: `${county.name}审核员`,
      role: "REVIEWER" as const,
      organizationId: county.id,
    })),
  ];
  for (let at = 0; at < accounts.length; at += 1000) {
    const batch = accounts.slice(at, at + 1000).map((account) => ({ ...account, id: randomUUID() }));
    await db.user.createMany({
      data: batch.map((account) => ({
        id: account.id,
        name: account.name,
        email: `${account.id}@accounts.nianbao.invalid`,
        emailVerified: true,
        username: account.username,
        displayUsername: account.username,
        role: account.role,
        organizationId: account.organizationId,
      })),
    });
    // Better Auth's credential account: providerId "credential", accountId = user id.
    await db.account.createMany({
      data: batch.map((account) => ({
        id: randomUUID(),
        accountId: account.id,
        providerId: "credential",
        userId: account.id,
        password: passwordHash,
      })),
    });
  }
  const reviewerId = new Map<number, string>();
  for (const user of await db.user.findMany({
    where: { role: "REVIEWER" },
    select: { id: true, organizationId: true },
  }))
    reviewerId.set(
      counties.findIndex((county) => county.id === user.organizationId),
      user.id,
    );

  // This season's reports.
  const activeClerks: ActiveClerk[] = [];
  const submittedByCounty = new Map<number, string[]>();
  const seasonReports: Prisma.ReportCreateManyInput[] = [];
  for (const unit of units) {
    const id = randomUUID();
    const isActive = options.active > 0 && unit.index % activeEvery === 0;
    const share = 0.2 + random() * 0.6;
    const data = partialDraft(layout, unit.name, year, isActive ? share : 1);
    // The others, in turn: half drafts, three in ten submitted, two in ten approved.
    const turn = unit.index % 10;
    const status = isActive || turn < 5 ? "DRAFT" : turn < 8 ? "SUBMITTED" : "APPROVED";
    if (status === "SUBMITTED") submittedByCounty.set(unit.county, [...(submittedByCounty.get(unit.county) ?? []), id]);
    const submittedAt = status === "DRAFT" ? null : new Date(Date.now() - (1 + (unit.index % 9)) * 86_400_000);
    seasonReports.push({
      id,
      organizationId: unit.id,
      year,
      templateId: layout.id,
      templateVersion: layout.version,
      status,
      data: data as unknown as Prisma.InputJsonObject,
      version: 1,
      submittedAt,
      approvedAt: status === "APPROVED" ? submittedAt : null,
    });
    if (isActive)
      activeClerks.push({
        username: `peak-${unit.county + 1}-${unit.index + 1}`,
        reportId: id,
        version: 1,
        draft: new ClerkDraft(layout, data, activeClerks.length + 1),
      });
  }
  for (let at = 0; at < seasonReports.length; at += 500)
    await db.report.createMany({ data: seasonReports.slice(at, at + 500) });

  // Last year's published reports of the first counties: one rendering for all of them.
  const publishedUnits = units.filter((unit) => unit.county < options.publishedCounties);
  const publishedReportIds: string[] = [];
  if (publishedUnits.length > 0) {
    const sample = sampleReportData(lastLayout, { organizationName: publishedUnits[0]!.name, year: year - 1 });
    const publishedAt = new Date(Date.UTC(year, 0, 20, 2));
    const view = toReportView(lastLayout, sample, {
      organizationName: publishedUnits[0]!.name,
      year: year - 1,
      publishedAt,
      version: 1,
    });
    const pdf = await renderReportPdf(view);
    const html = await renderReportHtml(view);
    const pdfSha256 = createHash("sha256").update(pdf).digest("hex");
    const data = JSON.parse(JSON.stringify(sample)) as Prisma.InputJsonObject;
    for (let at = 0; at < publishedUnits.length; at += 200) {
      const batch = publishedUnits.slice(at, at + 200).map((unit) => ({ unit, id: randomUUID() }));
      await db.report.createMany({
        data: batch.map(({ unit, id }) => ({
          id,
          organizationId: unit.id,
          year: year - 1,
          templateId: lastLayout.id,
          templateVersion: lastLayout.version,
          status: "PUBLISHED" as const,
          data,
          version: 3,
          submittedAt: publishedAt,
          approvedAt: publishedAt,
          publishedAt,
        })),
      });
      await db.publication.createMany({
        data: batch.map(({ unit, id }) => ({
          reportId: id,
          sequence: 1,
          templateId: lastLayout.id,
          templateVersion: lastLayout.version,
          data,
          html,
          pdf: new Uint8Array(pdf),
          pdfSha256,
          publishedById: reviewerId.get(unit.county)!,
          publishedAt,
          publicationDate: toDateColumn(chinaDay(publishedAt)),
        })),
      });
      publishedReportIds.push(...batch.map(({ id }) => id));
    }
  }
  await db.$executeRawUnsafe("ANALYZE");

  return {
    year,
    counties: counties.map((county, index) => ({
      id: county.id,
      reviewer: `peak-${index + 1}-review`,
      submittedReportIds: submittedByCounty.get(index) ?? [],
    })),
    activeClerks,
    publishedReportIds,
    accounts: accounts.length,
    reports: seasonReports.length + publishedReportIds.length,
    publications: publishedReportIds.length,
  };
}
