import "server-only";
import { printableReport, type Finding } from "@/lib/rules";
import { chinaDay, fromDateColumn } from "@/lib/format/calendar-day";
import { publicationVersionSelect } from "@/lib/publications/publication-version-select";
import { toReportView } from "@/lib/render/to-report-view";
import { diffReportData, findingKey, type ReportChange } from "@/lib/report-data";
import { listCommentTargetOptions } from "@/lib/review/comment-target-options";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { can, type Actor } from "@/lib/workflow/policy";
import { parseReadingSummary } from "@/lib/import";
import { transitionNames, transitionRow, type ReportStatus } from "@/lib/workflow/transitions";
import { authorizeReport, type AuthorizedReport } from "./authorize-report";
import { evaluateStoredReport, parseStoredData } from "./evaluate-stored-report";
import { repetitionForReview } from "./find-report-repetition";
import { listReportComments } from "./list-report-comments";
import { loadReturnBaseline } from "./load-return-baseline";

/**
 * Everything the review page shows about one report: the document as it will be published,
 * the server's findings with the clerk's reasons for warnings, what changed since the last
 * return, its 雷同 against last year and the county's other reports, the comments, the history and the published versions, and what the actor may do.
 * A report an import brought in also shows its import: who brought which file in, what was
 * read and the findings then, the warning about another body's name the importer confirmed
 * past, and — for a correction — what differs from the published version.
 */
export const getReviewReport = defineOperation({
  name: "getReviewReport",
  action: "report.read",
  authorize: (actor: Actor, reportId: string) => authorizeReport(actor, "report.read", reportId),
  run: (loaded, actor) => reviewReportOf(loaded, actor),
});

async function reviewReportOf(loaded: AuthorizedReport, actor: Actor) {
  const { report, subject } = loaded;
  const { layout, data, findings } = await evaluateStoredReport(report);
  const acknowledgements = (report.acknowledgements ?? {}) as Record<string, unknown>;
  const reasonOf = (finding: Finding) => {
    const reason = acknowledgements[findingKey(finding)];
    return typeof reason === "string" ? reason : null;
  };

  const baseline = await loadReturnBaseline(report.id);
  let changes: { since: Date; version: number; list: ReportChange[] } | null = null;
  if (baseline) {
    try {
      changes = {
        since: baseline.createdAt,
        version: baseline.version,
        list: diffReportData(layout, parseStoredData(layout, baseline.data), data),
      };
    } catch {
      changes = null; // a snapshot the current schema cannot read is not shown rather than guessed at
    }
  }

  const [comments, repetition, history, publications, currentImport] = await Promise.all([
    listReportComments(loaded),
    repetitionForReview(loaded, actor),
    db.auditEvent.findMany({
      where: { reportId: report.id, toStatus: { not: null } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        action: true,
        fromStatus: true,
        toStatus: true,
        comment: true,
        createdAt: true,
        actor: { select: { name: true } },
      },
    }),
    db.publication.findMany({
      where: { reportId: report.id },
      orderBy: { sequence: "asc" },
      select: { ...publicationVersionSelect, templateId: true, data: true },
    }),
    report.importId
      ? db.reportImport.findUnique({
          where: { id: report.importId },
          select: {
            origin: true,
            fileName: true,
            source: true,
            fileSha256: true,
            reading: true,
            organizationWarning: true,
            createdAt: true,
            importedBy: { select: { name: true } },
          },
        })
      : null,
  ]);

  const latest = publications.at(-1);
  let sincePublished: { sequence: number; list: ReportChange[] } | null = null;
  if (subject.isPendingImport && latest && latest.templateId === layout.id) {
    try {
      sincePublished = {
        sequence: latest.sequence,
        list: diffReportData(layout, parseStoredData(layout, latest.data), data),
      };
    } catch {
      sincePublished = null; // as for the return baseline: not shown rather than guessed at
    }
  }
  const imported = currentImport && {
    origin: currentImport.origin as "seed" | "clerkUpload" | "adminBatch",
    fileName: currentImport.fileName,
    source: currentImport.source,
    fileSha256: currentImport.fileSha256,
    // Written by the import from lib/import's summarizeReading (write-imported-report.ts).
    reading: parseReadingSummary(currentImport.reading, currentImport.fileName),
    organizationWarning: currentImport.organizationWarning,
    importedAt: currentImport.createdAt,
    importedBy: currentImport.importedBy?.name ?? null,
    isPending: subject.isPendingImport === true,
    sincePublished,
  };

  const status = report.status as ReportStatus;
  const allowed = transitionNames.filter((transition) => can(actor, "report.transition", { ...subject, transition }));
  return {
    report: {
      id: report.id,
      organizationId: report.organizationId,
      year: report.year,
      status,
      version: report.version,
      updatedAt: report.updatedAt,
      submittedAt: report.submittedAt,
      organizationName: report.organization.name,
      /** The 成文日期 to offer: the one set at approval, else today. */
      documentDate: report.documentDate ? fromDateColumn(report.documentDate) : chinaDay(new Date()),
    },
    view: toReportView(layout, data, { organizationName: report.organization.name, year: report.year }),
    errors: findings.filter((finding) => finding.severity === "error"),
    warnings: findings
      .filter((finding) => finding.severity === "warning")
      .map((finding) => ({ finding, key: findingKey(finding), reason: reasonOf(finding) })),
    changes,
    repetition,
    comments,
    history: history.map(({ actor: author, ...event }) => ({
      ...event,
      actorName: author?.name ?? null,
      label: transitionNames.map(transitionRow).find((row) => row.audit === event.action)?.label ?? null,
    })),
    publications: publications.map(
      ({ sequence, publishedAt, publicationDate, documentDate, correctionNote, pdfSha256 }) => ({
        sequence,
        publishedAt,
        publicationDate,
        documentDate,
        correctionNote,
        pdfSha256,
      }),
    ),
    imported,
    /** What confirming the import corrects in the text so that it prints as it reads (publishReport). */
    textCorrections: subject.isPendingImport ? printableReport(layout, data).corrections : [],
    targets: listCommentTargetOptions(layout),
    can: {
      comment: can(actor, "report.comment", subject),
      resolveComment: can(actor, "report.resolveComment", subject),
      transitions: allowed,
      downloadSource: imported !== null && can(actor, "report.readImportSource", subject),
    },
  };
}

export type ReviewReport = Awaited<ReturnType<typeof getReviewReport>>;
