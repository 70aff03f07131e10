/**
 * "No clerk publishes alone", against a real PostgreSQL: every imported report —
 * a clerk's upload, a re-import over a published report, a file naming another body, an
 * administrator's batch — reaches the public only through a county reviewer who saw its
 * source file, what was read and the findings, and confirmed it. Public reach is asked of
 * the public routes' own code (servePublication, listPublications), each step's audit event
 * of the database.
 */
import { describe, expect, it } from "vitest";
import { adaptedSeedReport } from "@/fixtures/import/adapted-seed-report";
import { sampleReport } from "@/fixtures/import/sample-report";
import { writeReportHtmlTable } from "@/fixtures/import/write-report-html-table";
import { getLayout } from "@/lib/template";
import { failureOf, setUpReviewDatabase } from "./testing/review-database";

// Reporting year 2026 (November): 2025 and earlier can be imported.
const today = new Date(2026, 10, 23);
const encoder = new TextEncoder();

const m = setUpReviewDatabase("nianbao_import_review", () =>
  Promise.all([
    import("./import-history-report"),
    import("./preview-history-import"),
    import("./import-report-batch"),
    import("./confirm-imported-report"),
    import("./approve-report"),
    import("./publish-report"),
    import("./return-report"),
    import("./transition-report"),
    import("./get-review-report"),
    import("./list-review-queue"),
    import("./get-import-source"),
    import("@/lib/publications/serve-publication"),
    import("@/lib/publications/list-publications"),
  ]),
);

/** What the public gets for the report's latest version: the JSON route's status and data. */
async function publicCopy(reportId: string): Promise<{ status: number; sequence?: number; cells?: unknown }> {
  const response = await m.servePublication(
    new Request(`http://localhost/reports/${reportId}/json`),
    {
      reportId,
    },
    "json",
  );
  if (response.status !== 200) return { status: response.status };
  const body = (await response.json()) as { version: number; cells: unknown };
  return { status: 200, sequence: body.version, cells: body.cells };
}

async function isInCatalogue(reportId: string): Promise<boolean> {
  return (await m.listPublications(null, {}, m.db)).some((row) => row.reportId === reportId);
}

async function organizationIdOf(username: string): Promise<string> {
  return (await m.steps.actorFor(username)).organizationId!;
}

async function auditOf(reportId: string) {
  return m.db.auditEvent.findMany({
    where: { reportId },
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true, fromStatus: true, toStatus: true, comment: true, detail: true },
  });
}

/** A gov-2021 report of 白桑乡 for `year` as an HTML table, with `cells` changed. */
function baisangFile(year: number, cells: Record<string, number> = {}) {
  const data = sampleReport("gov-2021", { organizationName: "白桑乡人民政府", year });
  const changed = { ...data, cells: { ...data.cells, ...cells } };
  return encoder.encode(writeReportHtmlTable(getLayout("gov-2021"), changed));
}

describe("a clerk's import", () => {
  let reportId: string;
  const bytes = baisangFile(2024);

  it("is not public until a reviewer of the county confirms it, and then is", async () => {
    const clerk = await m.steps.actorFor("baisang");
    const reviewer = await m.steps.actorFor("yangcheng-review");
    const upload = { organizationId: clerk.organizationId!, fileName: "白桑乡2024年报.html", bytes, today };
    const imported = await m.importHistoryReport(clerk, { ...upload, confirmOrganization: false });
    reportId = imported.reportId;

    // The attack of the issue: imported, and at once on the public site. Not any more.
    expect(await publicCopy(reportId)).toEqual({ status: 404 });
    expect(await isInCatalogue(reportId)).toBe(false);
    const stored = await m.db.report.findUniqueOrThrow({
      where: { id: reportId },
      select: { status: true, version: true, _count: { select: { publications: true } } },
    });
    expect(stored).toEqual({ status: "SUBMITTED", version: 1, _count: { publications: 0 } });

    // Nobody but a reviewer of the county publishes it, and only by confirming the import.
    const attempt = { reportId, expectedVersion: 1 };
    expect((await failureOf(m.confirmImportedReport(clerk, attempt))).code).toBe("FORBIDDEN");
    expect((await failureOf(m.publishReport(clerk, attempt))).code).toBe("FORBIDDEN");
    expect((await failureOf(m.transitionReport(clerk, { ...attempt, transition: "confirmImport" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await failureOf(m.confirmImportedReport(await m.steps.actorFor("yanchi-review"), attempt))).code).toBe(
      "NOT_FOUND",
    );
    expect((await failureOf(m.confirmImportedReport(await m.steps.actorFor("admin"), attempt))).code).toBe("FORBIDDEN");
    // Not through the rules-gated approval either: an import is confirmed against its file.
    expect((await failureOf(m.approveReport(reviewer, { ...attempt, publish: true }))).code).toBe("FORBIDDEN");
    expect(await publicCopy(reportId)).toEqual({ status: 404 });

    // The reviewer's queue shows it as an import waiting for them.
    const queue = await m.listReviewQueue(reviewer, reviewer.organizationId, {
      year: 2024,
      status: "SUBMITTED",
      sort: "name",
      dir: "asc",
    });
    expect(queue.find((row) => row.report?.id === reportId)).toMatchObject({ status: "SUBMITTED", isImport: true });

    // The review page: the source file, what was read and the findings, and the decisions.
    const review = await m.getReviewReport(reviewer, reportId);
    expect(review.imported).toMatchObject({
      origin: "clerkUpload",
      fileName: "白桑乡2024年报.html",
      organizationWarning: null,
      isPending: true,
      sincePublished: null,
      reading: { status: "read", year: 2024, layoutId: "gov-2021", organizationName: "白桑乡人民政府" },
    });
    expect(review.imported!.reading.cellsRead).toBeGreaterThan(100);
    expect(review.can.transitions.sort()).toEqual(["confirmImport", "return"]);
    expect(review.can.downloadSource).toBe(true);
    const source = await m.getImportSource(reviewer, reportId);
    expect(Buffer.from(source.file).equals(Buffer.from(bytes))).toBe(true);
    expect(source).toMatchObject({ fileName: "白桑乡2024年报.html", source: "html" });
    // The file is for the county's reviewers: not the clerk, not another county.
    expect((await failureOf(m.getImportSource(clerk, reportId))).code).toBe("FORBIDDEN");
    expect((await failureOf(m.getImportSource(await m.steps.actorFor("yanchi-review"), reportId))).code).toBe(
      "NOT_FOUND",
    );

    const confirmed = await m.confirmImportedReport(reviewer, attempt);
    expect(confirmed).toMatchObject({ status: "PUBLISHED", version: 2, sequence: 1 });
    const published = await publicCopy(reportId);
    expect(published).toMatchObject({ status: 200, sequence: 1 });
    const sample = sampleReport("gov-2021", { organizationName: "白桑乡人民政府", year: 2024 });
    expect((published.cells as Record<string, number>)["t3.r1.natural"]).toBe(sample.cells["t3.r1.natural"]);
    expect(await isInCatalogue(reportId)).toBe(true);
    const publication = await m.db.publication.findFirstOrThrow({
      where: { reportId },
      select: { publishedById: true },
    });
    expect(publication.publishedById).toBe(reviewer.userId);

    const importId = (await m.db.report.findUniqueOrThrow({ where: { id: reportId }, select: { importId: true } }))
      .importId;
    expect(await auditOf(reportId)).toEqual([
      {
        action: "report.import",
        actorId: clerk.userId,
        fromStatus: null,
        toStatus: "SUBMITTED",
        comment: null,
        detail: expect.objectContaining({ importId, origin: "clerkUpload", fileName: "白桑乡2024年报.html" }),
      },
      {
        action: "report.confirmImport",
        actorId: reviewer.userId,
        fromStatus: "SUBMITTED",
        toStatus: "PUBLISHED",
        comment: null,
        detail: { importId },
      },
    ]);
  });

  it("re-imported over the published report, is a correction the public does not see until confirmed", async () => {
    const clerk = await m.steps.actorFor("baisang");
    const reviewer = await m.steps.actorFor("yangcheng-review");
    const before = await publicCopy(reportId);
    const corrected = baisangFile(2024, { "t3.r1.natural": 4242 });
    const upload = {
      organizationId: clerk.organizationId!,
      fileName: "白桑乡2024年报-更正.html",
      bytes: corrected,
      today,
    };
    expect(await m.previewHistoryImport(clerk, upload)).toMatchObject({
      refusals: [],
      replacesImport: true,
      correctsPublication: true,
    });

    const imported = await m.importHistoryReport(clerk, { ...upload, confirmOrganization: false });
    expect(imported).toMatchObject({ reportId, replaced: true, isCorrection: true });
    // The public keeps the published version, unchanged.
    expect(await publicCopy(reportId)).toEqual(before);
    expect(await m.db.publication.count({ where: { reportId } })).toBe(1);
    const stored = await m.db.report.findUniqueOrThrow({
      where: { id: reportId },
      select: { status: true, version: true },
    });
    expect(stored).toEqual({ status: "SUBMITTED", version: 3 });
    const audit = await auditOf(reportId);
    expect(audit.at(-1)).toMatchObject({
      action: "report.import",
      actorId: clerk.userId,
      fromStatus: "PUBLISHED",
      toStatus: "SUBMITTED",
      detail: expect.objectContaining({ fileName: "白桑乡2024年报-更正.html", replacesImportId: expect.any(String) }),
    });

    // The reviewer sees what the correction changes against the published version.
    const review = await m.getReviewReport(reviewer, reportId);
    expect(review.imported?.isPending).toBe(true);
    expect(review.imported?.sincePublished).toMatchObject({ sequence: 1 });
    expect(review.imported!.sincePublished!.list).toEqual([
      expect.objectContaining({ kind: "cell", id: "t3.r1.natural", after: 4242 }),
    ]);

    // A correction needs its 更正说明; refused without one, and nothing changes.
    const refused = await failureOf(m.confirmImportedReport(reviewer, { reportId, expectedVersion: 3 }));
    expect(refused).toMatchObject({ code: "INVALID_INPUT", userMessage: "这是对已发布报告的更正，请填写更正说明。" });
    expect(await publicCopy(reportId)).toEqual(before);

    const confirmed = await m.confirmImportedReport(reviewer, {
      reportId,
      expectedVersion: 3,
      correctionNote: "更正第三部分第一行自然人申请数。",
    });
    expect(confirmed).toMatchObject({ status: "PUBLISHED", sequence: 2 });
    const after = await publicCopy(reportId);
    expect(after.sequence).toBe(2);
    expect((after.cells as Record<string, number>)["t3.r1.natural"]).toBe(4242);
    // The first version stays online.
    const first = await m.servePublication(
      new Request(`http://localhost/reports/${reportId}/v/1/json`),
      { reportId, sequence: "1" },
      "json",
    );
    expect(first.status).toBe(200);
    const publications = await m.db.publication.findMany({
      where: { reportId },
      orderBy: { sequence: "asc" },
      select: { sequence: true, correctionNote: true },
    });
    expect(publications).toEqual([
      { sequence: 1, correctionNote: null },
      { sequence: 2, correctionNote: "更正第三部分第一行自然人申请数。" },
    ]);
  });
});

describe("a file naming another body", () => {
  it("is not made public by the clerk's tick box: the reviewer sees the warning and returns it", async () => {
    const clerk = await m.steps.actorFor("fengcheng");
    const reviewer = await m.steps.actorFor("yangcheng-review");
    const organizationId = await organizationIdOf("fengcheng");
    const bytes = encoder.encode(adaptedSeedReport({ organizationName: "白桑乡人民政府", year: 2023 }));
    const upload = { organizationId, fileName: "白桑乡.txt", bytes, today };
    const preview = await m.previewHistoryImport(clerk, upload);
    expect(preview.organizationWarning).toMatch(/白桑乡人民政府.*与本单位“凤城镇人民政府”不一致/);

    const { reportId } = await m.importHistoryReport(clerk, { ...upload, confirmOrganization: true });
    expect(await publicCopy(reportId)).toEqual({ status: 404 });
    const review = await m.getReviewReport(reviewer, reportId);
    expect(review.imported?.organizationWarning).toBe(preview.organizationWarning);
    // An imported report's findings do not block its confirmation; they are shown.
    expect(review.errors.length).toBeGreaterThan(0);

    const returned = await m.returnReport(reviewer, {
      reportId,
      expectedVersion: 1,
      comment: "文件是白桑乡的报告，请上传本单位的报告。",
    });
    expect(returned.status).toBe("RETURNED");
    expect(await publicCopy(reportId)).toEqual({ status: 404 });
    expect((await auditOf(reportId)).at(-1)).toMatchObject({
      action: "report.return",
      actorId: reviewer.userId,
      fromStatus: "SUBMITTED",
      toStatus: "RETURNED",
      comment: "文件是白桑乡的报告，请上传本单位的报告。",
      detail: { importId: expect.any(String) },
    });

    // The clerk uploads the right file over the returned one: to the reviewer again.
    const own = encoder.encode(adaptedSeedReport({ organizationName: "凤城镇人民政府", year: 2023 }));
    const again = await m.importHistoryReport(clerk, {
      organizationId,
      fileName: "凤城镇2023.txt",
      bytes: own,
      today,
      confirmOrganization: false,
    });
    expect(again).toMatchObject({ reportId, replaced: true, isCorrection: false });
    expect((await auditOf(reportId)).at(-1)).toMatchObject({
      action: "report.import",
      fromStatus: "RETURNED",
      toStatus: "SUBMITTED",
    });
    expect((await m.getReviewReport(reviewer, reportId)).imported).toMatchObject({
      fileName: "凤城镇2023.txt",
      organizationWarning: null,
      isPending: true,
    });
    expect(await publicCopy(reportId)).toEqual({ status: 404 });
  });
});

describe("an administrator's batch", () => {
  it("lands in the county reviewers' queue, and is public once one of them confirms it", async () => {
    const admin = await m.steps.actorFor("admin");
    const reviewer = await m.steps.actorFor("yangcheng-review");
    const countyId = reviewer.organizationId!;
    const [result] = await m.importReportBatch(admin, {
      countyId,
      files: [
        {
          fileName: "北留镇2022.txt",
          bytes: encoder.encode(adaptedSeedReport({ organizationName: "北留镇人民政府", year: 2022 })),
        },
      ],
      today,
    });
    expect(result).toMatchObject({ outcome: "imported", organizationName: "北留镇人民政府" });
    const reportId = result!.reportId!;
    expect(await publicCopy(reportId)).toEqual({ status: 404 });
    expect((await failureOf(m.confirmImportedReport(admin, { reportId, expectedVersion: 1 }))).code).toBe("FORBIDDEN");
    expect(
      (
        await failureOf(
          m.confirmImportedReport(await m.steps.actorFor("yanchi-review"), { reportId, expectedVersion: 1 }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect((await m.getReviewReport(reviewer, reportId)).imported).toMatchObject({
      origin: "adminBatch",
      isPending: true,
    });

    // The file (seed 000's text) writes 一是**加强组织领导**: the review page lists the
    // corrections the confirmation makes, the publication prints the words without the markers.
    const review = await m.getReviewReport(reviewer, reportId);
    expect(review.textCorrections).toContainEqual(
      expect.objectContaining({ raw: "**加强组织领导**", replacement: "加强组织领导" }),
    );
    await m.confirmImportedReport(reviewer, { reportId, expectedVersion: 1 });
    expect(await publicCopy(reportId)).toMatchObject({ status: 200, sequence: 1 });
    const events = await auditOf(reportId);
    expect(events.map((event) => [event.action, event.actorId])).toEqual([
      ["report.import", admin.userId],
      ["report.confirmImport", reviewer.userId],
    ]);
    expect(events[1]!.detail).toMatchObject({
      textCorrections: expect.arrayContaining([
        { fieldId: expect.any(String), raw: "**加强组织领导**", replacement: "加强组织领导" },
      ]),
    });
    const publication = await m.db.publication.findFirstOrThrow({
      where: { reportId },
      select: { data: true, html: true },
    });
    expect(JSON.stringify(publication.data)).not.toContain("**");
    expect(publication.html).toContain("一是加强组织领导。");
    expect(publication.html).not.toContain("**");
    // The report's text is the published one from now on, kept as a version of its own.
    const stored = await m.db.report.findUniqueOrThrow({
      where: { id: reportId },
      select: { data: true, version: true },
    });
    expect(JSON.stringify(stored.data)).toContain("一是加强组织领导。");
    expect(JSON.stringify(stored.data)).not.toContain("**");
    const revision = await m.db.reportRevision.findUniqueOrThrow({
      where: { reportId_version: { reportId, version: stored.version } },
      select: { status: true, authorId: true },
    });
    expect(revision).toEqual({ status: "PUBLISHED", authorId: reviewer.userId });
  });
});

describe("an imported day that is no day", () => {
  it("cannot be confirmed: the reviewer is told to return it, and nothing changes", async () => {
    const clerk = await m.steps.actorFor("baisang");
    const reviewer = await m.steps.actorFor("yangcheng-review");
    const data = sampleReport("gov-2021", { organizationName: "白桑乡人民政府", year: 2022 });
    const [fieldId, text] = Object.entries(data.narrative).find(([, each]) => each)!;
    const changed = { ...data, narrative: { ...data.narrative, [fieldId]: `${text}本办法自2022年2月30日起施行。` } };
    const bytes = encoder.encode(writeReportHtmlTable(getLayout("gov-2021"), changed));
    const upload = { organizationId: clerk.organizationId!, fileName: "白桑乡2022年报.html", bytes, today };
    const { reportId } = await m.importHistoryReport(clerk, { ...upload, confirmOrganization: false });

    const failure = await failureOf(m.confirmImportedReport(reviewer, { reportId, expectedVersion: 1 }));
    expect(failure.code).toBe("INVALID_STATE");
    expect(failure.message).toMatch(/日期“2022年2月30日”不是有效日期，无法照印，请退回经办人改正/);
    expect(
      await m.db.report.findUniqueOrThrow({
        where: { id: reportId },
        select: { status: true, version: true, _count: { select: { publications: true } } },
      }),
    ).toEqual({ status: "SUBMITTED", version: 1, _count: { publications: 0 } });
    expect(await publicCopy(reportId)).toEqual({ status: 404 });
  });
});

describe("a report written in the wizard", () => {
  it("cannot be published as an import, skipping the rules", async () => {
    const clerk = await m.steps.actorFor("yczfb");
    const reviewer = await m.steps.actorFor("yangcheng-review");
    const reportId = await m.steps.startReportAsClerk(clerk, 2025);
    await m.steps.saveReportDataAsClerk(clerk, reportId, m.steps.cleanReportData("阳城县人民政府办公室", 2025));
    const version = await m.steps.submitReportAsClerk(clerk, reportId);
    expect((await failureOf(m.confirmImportedReport(reviewer, { reportId, expectedVersion: version }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await m.getReviewReport(reviewer, reportId)).can.transitions.sort()).toEqual(["approve", "return"]);
    expect((await failureOf(m.getImportSource(reviewer, reportId))).code).toBe("NOT_FOUND");
  });
});
