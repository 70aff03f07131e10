import "server-only";
import { repetitionThresholdOf } from "@/lib/organizations/get-repetition-threshold";
import { db } from "@/lib/server/db";
import { organizationFilter } from "@/lib/server/organization-scope";
import { parseReportData, type ReportData } from "@/lib/report-data";
import {
  findRepeatedParts,
  narrativeShingles,
  prescribedShingles,
  type CountyRepetitionForClerk,
  type PartRepetition,
  type WizardRepetition,
} from "@/lib/similarity/narrative-repetition";
import { exceedsThreshold, measureRepetition, repetitionPercent } from "@/lib/similarity/text-repetition";
import { compileLayout, getLayout, type Layout, type NarrativeId } from "@/lib/template";
import type { AuthorizedReport } from "./authorize-report";
import { readableOrganizations, subtreeOf, type Actor, type OrganizationSet } from "@/lib/workflow/policy";
import { reportStatuses, type ReportStatus } from "@/lib/workflow/transitions";
import { layoutOf, loadPreviousYearData, parseStoredData } from "./evaluate-stored-report";

/** The share (percent) above which a part of this report is called copied: its county's. */
async function thresholdFor(loaded: AuthorizedReport): Promise<number> {
  return (await repetitionThresholdOf(countyIdOf(loaded))).percent;
}

/**
 * The county of a report: the top of its organization tree (a county has no parent; its
 * townships and departments sit below it at any depth).
 */
function countyIdOf({ subject }: AuthorizedReport): string {
  return subject.ancestorIds.at(-1) ?? subject.organizationId;
}

/** Another unit's report as far as 雷同 is concerned. */
type OtherReport = { organizationName: string; status: ReportStatus; data: ReportData };

/** The other reports of the same county and year, with readable data. */
async function loadCountyReports(
  loaded: AuthorizedReport,
  statuses: readonly ReportStatus[],
  readable?: OrganizationSet,
): Promise<OtherReport[]> {
  const { report } = loaded;
  const scopes = [subtreeOf(countyIdOf(loaded)), ...(readable ? [readable] : [])];
  const rows = await db.report.findMany({
    where: {
      year: report.year,
      id: { not: report.id },
      organizationId: { not: report.organizationId },
      status: { in: [...statuses] },
      AND: await Promise.all(scopes.map(async (scope) => ({ organization: await organizationFilter(scope) }))),
    },
    select: { templateId: true, data: true, status: true, organization: { select: { name: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return rows.flatMap((row) => {
    const layout = getLayout(row.templateId);
    const reading = layout && parseReportData(layout, row.data);
    return reading?.ok
      ? [{ organizationName: row.organization.name, status: row.status as ReportStatus, data: reading.data }]
      : [];
  });
}

function prescribedFor(loaded: AuthorizedReport, layout: Layout) {
  return prescribedShingles(layout, { organizationName: loaded.report.organization.name, year: loaded.report.year });
}

/**
 * 雷同 of the clerk's saved draft against the other units of the county, for the wizard. Only
 * reports the other units have handed to the county (submitted, approved, published) are
 * compared — never a draft or a returned report, which is still its unit's own work — and
 * only the percentage and the clerk's own passages leave the server: per part the highest
 * share over any one unit, without naming it (同县某单位).
 */
export async function findCountyRepetitionForClerk(loaded: AuthorizedReport): Promise<WizardRepetition> {
  const layout = layoutOf(loaded.report);
  const data = parseStoredData(layout, loaded.report.data);
  const prescribed = prescribedFor(loaded, layout);
  const [threshold, others] = await Promise.all([
    thresholdFor(loaded),
    loadCountyReports(loaded, ["SUBMITTED", "APPROVED", "PUBLISHED"]),
  ]);
  const best = new Map<NarrativeId, CountyRepetitionForClerk>();
  for (const other of others) {
    for (const part of findRepeatedParts(
      layout,
      data,
      narrativeShingles(other.data.narrative),
      prescribed,
      threshold,
    )) {
      if ((best.get(part.fieldId)?.percent ?? -1) >= part.percent) continue;
      const text = data.narrative[part.fieldId] ?? "";
      best.set(part.fieldId, {
        fieldId: part.fieldId,
        percent: part.percent,
        passageTexts: part.passages.map((range) => text.slice(range.start, range.end)),
      });
    }
  }
  return { thresholdPercent: threshold, county: [...best.values()] };
}

/** One narrative part as the reviewer sees it: against last year (always) and every unit over the threshold. */
export type ReviewPartRepetition = {
  readonly fieldId: NarrativeId;
  readonly heading: string;
  readonly text: string;
  /** Null when the unit has no report of last year to compare with. */
  readonly previousYear: { percent: number; isOverThreshold: boolean; passages: PartRepetition["passages"] } | null;
  readonly otherUnits: readonly {
    organizationName: string;
    status: ReportStatus;
    percent: number;
    passages: PartRepetition["passages"];
  }[];
};

export type ReviewRepetition = { thresholdPercent: number; parts: readonly ReviewPartRepetition[] };

/**
 * 雷同 of a report for the review page: each part with text against the unit's own report of
 * last year, and against each other unit's report of the same year and county (any status)
 * where that share is over the threshold — only units whose reports the actor may read (a
 * reviewer: the whole county), so the names and passages shown are the actor's to see.
 */
export async function repetitionForReview(loaded: AuthorizedReport, actor: Actor): Promise<ReviewRepetition> {
  const layout = layoutOf(loaded.report);
  const data = parseStoredData(layout, loaded.report.data);
  const prescribed = prescribedFor(loaded, layout);
  const [threshold, previousYear, others] = await Promise.all([
    thresholdFor(loaded),
    loadPreviousYearData(loaded.report.organizationId, loaded.report.year),
    loadCountyReports(loaded, reportStatuses, readableOrganizations(actor)),
  ]);
  const previousShingles = previousYear && narrativeShingles(previousYear.narrative);
  const otherFindings = others.map((other) => ({
    other,
    parts: new Map(
      findRepeatedParts(layout, data, narrativeShingles(other.data.narrative), prescribed, threshold).map((part) => [
        part.fieldId,
        part,
      ]),
    ),
  }));
  const parts = compileLayout(layout).narrativeFields.flatMap((field): ReviewPartRepetition[] => {
    const text = data.narrative[field.id];
    if (!text?.trim()) return [];
    const againstLastYear = previousShingles ? measureRepetition(text, previousShingles, prescribed) : null;
    return [
      {
        fieldId: field.id,
        heading: field.heading,
        text,
        previousYear: againstLastYear && {
          percent: repetitionPercent(againstLastYear),
          isOverThreshold: exceedsThreshold(againstLastYear, threshold),
          passages: againstLastYear.passages,
        },
        otherUnits: otherFindings.flatMap(({ other, parts: found }) => {
          const part = found.get(field.id);
          return part
            ? [
                {
                  organizationName: other.organizationName,
                  status: other.status,
                  percent: part.percent,
                  passages: part.passages,
                },
              ]
            : [];
        }),
      },
    ];
  });
  return { thresholdPercent: threshold, parts };
}
