// The import verbs against a real PostgreSQL (throw-away cluster, migrated, demo data
// seeded): the seed's published reports, a clerk's previous-year import, an administrator's
// batch — both submitted to the county's reviewers, never published by the importer
// (lib/reports/import-review.test.ts follows them through the review) — and that every
// refusal — wrong year, another body, existing work, wrong role, hostile files — writes
// nothing at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adaptedSeedReport } from "../../fixtures/import/adapted-seed-report";
import { sampleReport } from "../../fixtures/import/sample-report";
import { writeReportDocx } from "../../fixtures/import/write-report-docx";
import { writeMinimalPdf } from "../../fixtures/import/write-minimal-pdf";
import { writeReportPdf } from "../../fixtures/import/write-report-pdf";
import { writeReportHtmlTable } from "../../fixtures/import/write-report-html-table";
import { writeNestedDivsHtml, writeXmlBombDocx } from "../../fixtures/import/write-hostile-uploads";
import { writeZip } from "../../fixtures/import/write-zip";
import { getLayout } from "../template";
import type { PrismaClient } from "../generated/prisma/client";
import { applyMigrations } from "../../scripts/lib/migrate";
import { createScriptClient } from "../../scripts/lib/prisma-client";
import { startThrowawayServer, type ThrowawayServer } from "../../scripts/lib/throwaway-database";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { publishedSeeds } from "../../prisma/seed/seed-published-reports";
import type { Actor } from "../workflow/policy";

// Reporting year 2026 (November): 2025 and earlier can be imported.
const today = new Date(2026, 10, 23);
const encoder = new TextEncoder();
const textFile = (organizationName: string, year: number) =>
  encoder.encode(adaptedSeedReport({ organizationName, year }));
/** A file uploaded for `organizationId` on `today`. */
const uploadOf = (organizationId: string, fileName: string, bytes: Uint8Array) => ({
  organizationId,
  fileName,
  bytes,
  today,
});

let server: ThrowawayServer;
let client: PrismaClient;
let organizations: Map<string, string>;
let verbs: {
  importHistoryReport: typeof import("./import-history-report").importHistoryReport;
  previewHistoryImport: typeof import("./preview-history-import").previewHistoryImport;
  importReportBatch: typeof import("./import-report-batch").importReportBatch;
  reopenReportForCorrection: typeof import("./reopen-report-for-correction").reopenReportForCorrection;
  saveDraft: typeof import("./save-draft").saveDraft;
  loadPreviousYearData: typeof import("./evaluate-stored-report").loadPreviousYearData;
  disconnect: () => Promise<void>;
};
let seedResult: Awaited<ReturnType<typeof seedDemo>>;

async function actorFor(username: string): Promise<NonNullable<Actor>> {
  const user = await client.user.findUniqueOrThrow({
    where: { username },
    select: { id: true, role: true, organizationId: true },
  });
  return { userId: user.id, role: user.role, organizationId: user.organizationId };
}

/** Everything an import could write. */
async function databaseState() {
  const [reports, publications, revisions, auditEvents, imports] = await Promise.all([
    client.report.findMany({
      orderBy: { id: "asc" },
      select: { id: true, status: true, version: true, data: true, importId: true },
    }),
    client.publication.count(),
    client.reportRevision.count(),
    client.auditEvent.count(),
    client.reportImport.count(),
  ]);
  return { reports, publications, revisions, auditEvents, imports };
}

async function expectRefusedUnchanged(run: () => Promise<unknown>, code: string, message?: RegExp) {
  const before = await databaseState();
  const error = await run().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toMatchObject({ code });
  if (message) expect((error as { userMessage: string }).userMessage).toMatch(message);
  expect(await databaseState()).toEqual(before);
}

beforeAll(async () => {
  server = await startThrowawayServer(process.env.DATABASE_URL);
  const url = await server.createDatabase("import_reports_test");
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= "import-reports-test-secret-0123456789abcdef";
  client = createScriptClient(url);
  seedResult = await seedDemo(client);
  organizations = seedResult.organizations;
  const [history, preview, batch, reopen, save, evaluate, dbModule] = await Promise.all([
    import("./import-history-report"),
    import("./preview-history-import"),
    import("./import-report-batch"),
    import("./reopen-report-for-correction"),
    import("./save-draft"),
    import("./evaluate-stored-report"),
    import("../server/db"),
  ]);
  verbs = {
    importHistoryReport: history.importHistoryReport,
    previewHistoryImport: preview.previewHistoryImport,
    importReportBatch: batch.importReportBatch,
    reopenReportForCorrection: reopen.reopenReportForCorrection,
    saveDraft: save.saveDraft,
    loadPreviousYearData: evaluate.loadPreviousYearData,
    disconnect: () => dbModule.db.$disconnect(),
  };
}, 180_000);

afterAll(async () => {
  await verbs?.disconnect();
  await client?.$disconnect();
  await server?.stop();
});

describe("demo seed: the five seed reports as published reports", () => {
  it("stores each seed as its body's published report with one publication and an import audit event", async () => {
    expect(seedResult.createdReports).toBe(5);
    for (const seed of publishedSeeds) {
      const report = await client.report.findUniqueOrThrow({
        where: { organizationId_year: { organizationId: organizations.get(seed.organizationKey)!, year: seed.year } },
        select: {
          status: true,
          templateId: true,
          publications: { select: { sequence: true, pdf: true, pdfSha256: true, html: true } },
          auditEvents: { select: { action: true, detail: true } },
          import: { select: { origin: true, fileName: true } },
        },
      });
      expect(report.status).toBe("PUBLISHED");
      // Its file is kept as its import, so a clerk's re-import is a correction for the reviewer.
      expect(report.import).toEqual({ origin: "seed", fileName: seed.file });
      expect(report.templateId).toBe(seed.year >= 2021 ? "gov-2021" : "gov-2019");
      expect(report.publications).toHaveLength(1);
      expect(Buffer.from(report.publications[0]!.pdf.subarray(0, 5)).toString()).toBe("%PDF-");
      expect(report.publications[0]!.html).toContain("政府信息公开工作年度报告");
      expect(report.auditEvents).toEqual([
        { action: "report.import", detail: expect.objectContaining({ origin: "seed", fileName: seed.file }) },
      ]);
    }
  });

  it("publishes the seeds' text as it should print: no Markdown markers, no impossible day", async () => {
    const textOf = async (organizationKey: string) => {
      const report = await client.report.findUniqueOrThrow({
        where: { organizationId_year: { organizationId: organizations.get(organizationKey)!, year: 2023 } },
        select: { data: true, publications: { select: { html: true } }, auditEvents: { select: { detail: true } } },
      });
      return {
        stored: JSON.stringify(report.data),
        html: report.publications[0]!.html,
        audit: report.auditEvents[0]!.detail,
      };
    };
    const dongfeng = await textOf("dongfeng");
    expect(dongfeng.html).toContain("一是加强组织领导。");
    expect(dongfeng.html).not.toContain("**");
    expect(dongfeng.stored).not.toContain("**");
    expect(dongfeng.audit).toMatchObject({
      textCorrections: expect.arrayContaining([
        expect.objectContaining({ raw: "**加强组织领导**", replacement: "加强组织领导" }),
      ]),
    });
    const kczfb = await textOf("kczfb");
    expect(kczfb.html).not.toContain("20231月1日");
    expect(kczfb.html).toContain("2023年1月1日");
  });

  it("keeps the seeds' missing rows missing, never 0", async () => {
    const report = await client.report.findUniqueOrThrow({
      where: { organizationId_year: { organizationId: organizations.get("dongfeng")!, year: 2023 } },
      select: { data: true },
    });
    const cells = (report.data as { cells: Record<string, number | null> }).cells;
    expect(cells["t3.r1.natural"]).toBe(0);
    expect(cells["t3.r3_7.natural"] ?? null).toBeNull();
    expect(cells["t4.review.total"] ?? null).toBeNull();
  });

  it("a second run changes nothing and renders nothing", async () => {
    const before = await databaseState();
    const again = await seedDemo(client);
    expect(again.createdReports).toBe(0);
    expect(await databaseState()).toEqual(before);
  });
});

describe("a clerk imports a previous year's report", () => {
  it("previews what was read, then submits it to the county's reviewers, not to the public", async () => {
    const clerk = await actorFor("dongfeng");
    const upload = uploadOf(organizations.get("dongfeng")!, "董封乡2025年报.txt", textFile("董封乡人民政府", 2025));
    const before = await databaseState();
    const preview = await verbs.previewHistoryImport(clerk, upload);
    expect(await databaseState()).toEqual(before);
    expect(preview).toMatchObject({
      refusals: [],
      organizationWarning: null,
      replacesImport: false,
      correctsPublication: false,
      currentYear: 2026,
    });
    expect(preview.reading).toMatchObject({
      status: "read",
      year: 2025,
      layoutId: "gov-2021",
      organizationName: "董封乡人民政府",
    });
    expect(preview.reading.problems.map((problem) => problem.placeLabel)).toContain(
      "四、政府信息公开行政复议、行政诉讼情况",
    );
    expect(preview.reading.findings.length).toBeGreaterThan(0);

    const result = await verbs.importHistoryReport(clerk, { ...upload, confirmOrganization: false });
    expect(result).toMatchObject({ year: 2025, replaced: false, isCorrection: false });
    const report = await client.report.findUniqueOrThrow({
      where: { id: result.reportId },
      select: {
        status: true,
        year: true,
        version: true,
        submittedAt: true,
        publishedAt: true,
        publications: { select: { sequence: true } },
        auditEvents: { select: { action: true, actorId: true, toStatus: true, detail: true } },
        import: {
          select: { origin: true, fileName: true, source: true, file: true, reading: true, importedById: true },
        },
      },
    });
    expect(report).toMatchObject({
      status: "SUBMITTED",
      year: 2025,
      version: 1,
      publishedAt: null,
      publications: [],
      auditEvents: [{ action: "report.import", actorId: clerk.userId, toStatus: "SUBMITTED" }],
      import: { origin: "clerkUpload", fileName: "董封乡2025年报.txt", source: "text", importedById: clerk.userId },
    });
    expect(report.submittedAt).not.toBeNull();
    // The file as uploaded, and what the clerk was shown, go to the reviewer.
    expect(Buffer.from(report.import!.file).equals(Buffer.from(upload.bytes))).toBe(true);
    expect(report.import!.reading).toEqual(JSON.parse(JSON.stringify(preview.reading)));

    // Waiting for a reviewer, the import is not what next year carries over or checks against.
    expect(await verbs.loadPreviousYearData(organizations.get("dongfeng")!, 2026)).toBeUndefined();
  });

  it("imports a text PDF as published, storing exactly the figures it prints", async () => {
    const clerk = await actorFor("dongfeng");
    // 2020, a year no other case here imports for this body (and the gov-2019 layout).
    const data = sampleReport("gov-2019", { organizationName: "董封乡人民政府", year: 2020 });
    const upload = uploadOf(
      organizations.get("dongfeng")!,
      "董封乡2020年报.pdf",
      await writeReportPdf(getLayout("gov-2019"), data),
    );
    const preview = await verbs.previewHistoryImport(clerk, upload);
    expect(preview.refusals).toEqual([]);
    expect(preview.reading).toMatchObject({ status: "read", source: "pdf", year: 2020, layoutId: "gov-2019" });
    const result = await verbs.importHistoryReport(clerk, { ...upload, confirmOrganization: false });
    const stored = await client.report.findUniqueOrThrow({
      where: { id: result.reportId },
      select: { data: true, import: { select: { source: true } } },
    });
    expect(stored.import?.source).toBe("pdf");
    expect((stored.data as { cells: unknown }).cells).toEqual(JSON.parse(JSON.stringify(data.cells)));
  }, 60_000);

  it("importing the same year again replaces the import still waiting for a reviewer", async () => {
    const clerk = await actorFor("dongfeng");
    const upload = uploadOf(
      organizations.get("dongfeng")!,
      "董封乡2025年报-更正.txt",
      textFile("董封乡人民政府", 2025),
    );
    const preview = await verbs.previewHistoryImport(clerk, upload);
    expect(preview).toMatchObject({ replacesImport: true, correctsPublication: false });
    const result = await verbs.importHistoryReport(clerk, { ...upload, confirmOrganization: false });
    expect(result).toMatchObject({ replaced: true, isCorrection: false });
    const report = await client.report.findUniqueOrThrow({
      where: { id: result.reportId },
      select: {
        status: true,
        version: true,
        publications: { select: { sequence: true } },
        import: { select: { fileName: true } },
        imports: { select: { fileName: true } },
        auditEvents: { orderBy: { createdAt: "asc" }, select: { action: true, fromStatus: true, toStatus: true } },
      },
    });
    expect(report).toMatchObject({
      status: "SUBMITTED",
      version: 2,
      publications: [],
      import: { fileName: "董封乡2025年报-更正.txt" },
    });
    expect(report.imports).toHaveLength(2);
    expect(report.auditEvents).toEqual([
      { action: "report.import", fromStatus: null, toStatus: "SUBMITTED" },
      { action: "report.import", fromStatus: "SUBMITTED", toStatus: "SUBMITTED" },
    ]);
  });

  it("two simultaneous imports of one year: one wins, the other is told, nothing forks", async () => {
    const clerk = await actorFor("yczfb");
    const organizationId = organizations.get("yczfb")!;
    const upload = {
      ...uploadOf(organizationId, "2021.txt", textFile("阳城县人民政府办公室", 2021)),
      confirmOrganization: false,
    };
    const outcomes = await Promise.allSettled([
      verbs.importHistoryReport(clerk, upload),
      verbs.importHistoryReport(clerk, upload),
    ]);
    const reports = await client.report.findMany({
      where: { organizationId, year: 2021 },
      select: {
        publications: { select: { sequence: true }, orderBy: { sequence: "asc" } },
        auditEvents: { select: { action: true } },
      },
    });
    const rejected = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    // Overlapping imports: one creates the report, the other is refused (unique key). If the
    // scheduler let one finish before the other looked, the second replaces the waiting import
    // (version 2). Either way there is one report, waiting for a reviewer, published by nobody.
    if (rejected.length === 1) {
      expect(rejected[0]!.reason).toMatchObject({ code: "CONFLICT" });
      expect(reports).toEqual([{ publications: [], auditEvents: [{ action: "report.import" }] }]);
    } else {
      expect(rejected).toEqual([]);
      expect(reports).toEqual([
        { publications: [], auditEvents: [{ action: "report.import" }, { action: "report.import" }] },
      ]);
    }
  });

  it("refuses the current reporting year and later, changing nothing", async () => {
    const clerk = await actorFor("dongfeng");
    for (const year of [2026, 2027]) {
      await expectRefusedUnchanged(
        () =>
          verbs.importHistoryReport(clerk, {
            organizationId: organizations.get("dongfeng")!,
            fileName: "x.txt",
            bytes: textFile("董封乡人民政府", year),
            today,
            confirmOrganization: true,
          }),
        "INVALID_INPUT",
        /只能导入 2026 年以前/,
      );
    }
  });

  it("asks for confirmation when the title names another body, and imports once confirmed, for the reviewer to judge", async () => {
    const clerk = await actorFor("dongfeng");
    const upload = uploadOf(organizations.get("dongfeng")!, "白桑乡.txt", textFile("白桑乡人民政府", 2022));
    const preview = await verbs.previewHistoryImport(clerk, upload);
    expect(preview.refusals).toEqual([]);
    expect(preview.organizationWarning).toMatch(/白桑乡人民政府.*不一致/);
    await expectRefusedUnchanged(
      () => verbs.importHistoryReport(clerk, { ...upload, confirmOrganization: false }),
      "INVALID_INPUT",
      /请确认这是本单位的报告/,
    );
    const result = await verbs.importHistoryReport(clerk, { ...upload, confirmOrganization: true });
    expect(result.year).toBe(2022);
    const audit = await client.auditEvent.findFirstOrThrow({
      where: { reportId: result.reportId },
      select: { detail: true },
    });
    expect(audit.detail).toMatchObject({
      origin: "clerkUpload",
      printedOrganizationName: "白桑乡人民政府",
      confirmedOrganizationMismatch: true,
    });
    // The tick box publishes nothing: the report waits with the warning for the reviewer.
    const report = await client.report.findUniqueOrThrow({
      where: { id: result.reportId },
      select: {
        status: true,
        _count: { select: { publications: true } },
        import: { select: { organizationWarning: true } },
      },
    });
    expect(report.status).toBe("SUBMITTED");
    expect(report._count.publications).toBe(0);
    expect(report.import?.organizationWarning).toBe(preview.organizationWarning);
  });

  it("never overwrites a report someone works on", async () => {
    const clerk = await actorFor("dongfeng");
    const organizationId = organizations.get("dongfeng")!;
    await client.report.create({
      data: {
        organizationId,
        year: 2024,
        templateId: "gov-2021",
        templateVersion: "2021.1",
        data: { cells: {}, narrative: {}, meta: { organizationName: "董封乡人民政府", year: 2024 } },
      },
    });
    const upload = {
      ...uploadOf(organizationId, "2024.txt", textFile("董封乡人民政府", 2024)),
      confirmOrganization: false,
    };
    expect((await verbs.previewHistoryImport(clerk, upload)).refusals.join()).toMatch(/已有报告（草稿）/);
    await expectRefusedUnchanged(() => verbs.importHistoryReport(clerk, upload), "INVALID_INPUT", /避免覆盖/);
    // The seeded 2023 report is published by an import nobody has typed over: a re-import
    // would be a correction for the reviewer (import-review.test.ts). Once the clerk has typed
    // over it — reopened by the reviewer, saved in the wizard — an import no longer replaces it.
    const seeded = await client.report.findUniqueOrThrow({
      where: { organizationId_year: { organizationId, year: 2023 } },
      select: { id: true, version: true },
    });
    const reviewer = await actorFor("yangcheng-review");
    const reopened = await verbs.reopenReportForCorrection(reviewer, {
      reportId: seeded.id,
      expectedVersion: seeded.version,
      comment: "请核对第三部分。",
    });
    const typedOver = await client.report.findUniqueOrThrow({ where: { id: seeded.id }, select: { data: true } });
    const { cells, narrative } = typedOver.data as {
      cells: Record<string, number | null>;
      narrative: Record<string, string>;
    };
    await verbs.saveDraft(clerk, {
      reportId: seeded.id,
      expectedVersion: reopened.version,
      cells: { ...cells, "t3.r1.natural": 1 },
      narrative,
    });
    await expectRefusedUnchanged(
      () =>
        verbs.importHistoryReport(clerk, {
          organizationId,
          fileName: "2023.txt",
          bytes: textFile("董封乡人民政府", 2023),
          today,
          confirmOrganization: false,
        }),
      "INVALID_INPUT",
      /已有报告（已退回）/,
    );
  });

  it("refuses other roles and other organizations before reading, changing nothing", async () => {
    const organizationId = organizations.get("dongfeng")!;
    const upload = {
      ...uploadOf(organizationId, "x.txt", textFile("董封乡人民政府", 2021)),
      confirmOrganization: false,
    };
    for (const username of ["fengcheng", "yangcheng-review", "admin"]) {
      const actor = await actorFor(username);
      await expectRefusedUnchanged(() => verbs.importHistoryReport(actor, upload), "FORBIDDEN");
      await expectRefusedUnchanged(() => verbs.previewHistoryImport(actor, upload), "FORBIDDEN");
    }
    await expectRefusedUnchanged(() => verbs.importHistoryReport(null, upload), "UNAUTHENTICATED");
  });

  it("refuses hostile files with the reader's zh-CN message, changing nothing", async () => {
    const clerk = await actorFor("dongfeng");
    const organizationId = organizations.get("dongfeng")!;
    const bomb = writeZip([
      { name: "word/document.xml", data: new Uint8Array(70 * 1024 * 1024), deflate: true, claimedSize: 1024 },
    ]);
    const binary = new Uint8Array(4096).map((_, index) => (index * 7919) % 256);
    // Files not read at all: the preview itself is refused (HTTP 400), as the import is.
    const unread: [string, Uint8Array, RegExp][] = [
      ["report.pdf", textFile("董封乡人民政府", 2021), /PDF 文件已损坏/],
      ["扫描件.pdf", writeMinimalPdf({ pages: 2, image: true }), /这是扫描件（图片）PDF，无法读取其中的文字/],
      ["report.doc", textFile("董封乡人民政府", 2021), /另存为” \.docx/],
      ["big.txt", new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41), /超过上限 5\.0 MB/],
      ["binary.txt", binary, /不是文字/],
      ["bomb.docx", bomb, /恶意构造/],
      ["xml-bomb.docx", await writeXmlBombDocx(60 * 1024 * 1024), /文字部分解压后超过 4\.0 MB/],
      ["nested.html", encoder.encode(writeNestedDivsHtml(3.7 * 1024 * 1024)), /嵌套超过 200 层/],
      ["empty.txt", new Uint8Array(0), /空的/],
    ];
    for (const [fileName, bytes, message] of unread) {
      await expectRefusedUnchanged(
        () => verbs.previewHistoryImport(clerk, { organizationId, fileName, bytes, today }),
        "INVALID_INPUT",
        message,
      );
      await expectRefusedUnchanged(
        () => verbs.importHistoryReport(clerk, { organizationId, fileName, bytes, today, confirmOrganization: true }),
        "INVALID_INPUT",
        message,
      );
    }
    // Read, but not a report: the preview says why it cannot be imported.
    const notes = encoder.encode("会议纪要\n今天讨论了工作安排。");
    const preview = await verbs.previewHistoryImport(clerk, {
      organizationId,
      fileName: "notes.txt",
      bytes: notes,
      today,
    });
    expect(preview.refusals.join()).toMatch(/不是政府信息公开工作年度报告/);
    await expectRefusedUnchanged(
      () =>
        verbs.importHistoryReport(clerk, {
          organizationId,
          fileName: "notes.txt",
          bytes: notes,
          today,
          confirmOrganization: true,
        }),
      "INVALID_INPUT",
      /不是政府信息公开工作年度报告/,
    );
    // Generous: hostile files run the reading pool to its limits, on a machine shared with others.
  }, 90_000);
});

describe("a flood of uploads", () => {
  it("is refused as busy (503) past the reading pool's threads and waiting places, never queued without end", async () => {
    const clerk = await actorFor("dongfeng");
    const organizationId = organizations.get("dongfeng")!;
    // Just under the inflated cap: each keeps a reading thread busy until a limit stops it.
    const bytes = await writeXmlBombDocx(3.9 * 1024 * 1024);
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        verbs.previewHistoryImport(clerk, { organizationId, fileName: "heavy.docx", bytes, today }).then(
          () => "previewed",
          (error: { code: string; userMessage: string }) => `${error.code} ${error.userMessage}`,
        ),
      ),
    );
    const busy = "UNAVAILABLE 服务繁忙，正在读取其他上传的文件，本文件未读取。请稍后重试";
    // Two threads reading, four files waiting: the other two are told to come back.
    expect(outcomes.filter((outcome) => outcome === busy)).toHaveLength(2);
    // The others are stopped by a reading limit: time, or memory on a machine slowed by others.
    expect(outcomes.filter((outcome) => outcome.startsWith("INVALID_INPUT"))).toHaveLength(6);
    // Three rounds of two files, each until its memory limit, plus restarting the stopped workers.
  }, 180_000);
});

describe("an administrator imports many files for a county", () => {
  it("imports what matches, skips with a reason, reports unreadable files", async () => {
    const admin = await actorFor("admin");
    const files = [
      { fileName: "凤城镇2024.txt", bytes: textFile("凤城镇人民政府", 2024) },
      { fileName: "北留镇2024.txt", bytes: textFile("阳城县北留镇", 2024) },
      { fileName: "北留镇2024-副本.txt", bytes: textFile("北留镇人民政府", 2024) },
      { fileName: "董封乡2023.txt", bytes: textFile("董封乡人民政府", 2023) },
      { fileName: "王乐井乡2024.txt", bytes: textFile("盐池县王乐井乡人民政府", 2024) },
      { fileName: "凤城镇2026.txt", bytes: textFile("凤城镇人民政府", 2026) },
      { fileName: "图片.txt", bytes: new Uint8Array(2048).map((_, index) => (index * 31) % 256) },
      { fileName: "旧格式.doc", bytes: textFile("凤城镇人民政府", 2022) },
      // Each file of a batch goes through the same reading pool and limits as a clerk's upload.
      { fileName: "嵌套.html", bytes: encoder.encode(writeNestedDivsHtml(1.1 * 1024 * 1024)) },
      { fileName: "炸弹.docx", bytes: await writeXmlBombDocx(60 * 1024 * 1024) },
    ];
    const results = await verbs.importReportBatch(admin, { countyId: organizations.get("yangcheng")!, files, today });
    expect(results.map((result) => [result.fileName, result.outcome, result.organizationName])).toEqual([
      ["凤城镇2024.txt", "imported", "凤城镇人民政府"],
      ["北留镇2024.txt", "imported", "北留镇人民政府"],
      ["北留镇2024-副本.txt", "skipped", "北留镇人民政府"],
      ["董封乡2023.txt", "skipped", "董封乡人民政府"],
      ["王乐井乡2024.txt", "skipped", null],
      ["凤城镇2026.txt", "skipped", null],
      ["图片.txt", "unreadable", null],
      ["旧格式.doc", "unreadable", null],
      ["嵌套.html", "unreadable", null],
      ["炸弹.docx", "unreadable", null],
    ]);
    expect(results[8]!.reason).toMatch(/文件结构过于复杂（嵌套超过 200 层）/);
    expect(results[9]!.reason).toMatch(/文字部分解压后超过 4\.0 MB/);
    expect(results[2]!.reason).toMatch(/已有 2024 年度报告（已提交）/);
    expect(results[4]!.reason).toMatch(/阳城县下没有名为“盐池县王乐井乡人民政府”的单位/);
    expect(results[6]!.reason).toMatch(/不是文字/);
    // The administrator publishes nothing: each waits for a reviewer of the county.
    const imported = await client.report.findMany({
      where: {
        year: 2024,
        organization: { parentId: organizations.get("yangcheng")! },
        import: { is: { origin: "adminBatch" } },
      },
      select: {
        organizationId: true,
        status: true,
        publications: { select: { sequence: true } },
        import: { select: { origin: true, importedById: true } },
      },
    });
    expect(imported.map((report) => report.organizationId).sort()).toEqual(
      [organizations.get("fengcheng")!, organizations.get("beiliu")!].sort(),
    );
    for (const report of imported)
      expect(report).toMatchObject({
        status: "SUBMITTED",
        publications: [],
        import: { origin: "adminBatch", importedById: admin.userId },
      });
    // Generous: hostile files run the reading pool to its limits, on a machine shared with others.
  }, 90_000);

  it("reads .docx, .html and text .pdf files the same way, storing exactly the figures they print", async () => {
    const admin = await actorFor("admin");
    const docxData = sampleReport("gov-2021", { organizationName: "白桑乡人民政府", year: 2022 });
    const htmlData = sampleReport("gov-2019", { organizationName: "阳城县人民政府办公室", year: 2020 });
    const pdfData = sampleReport("gov-2021", { organizationName: "白桑乡人民政府", year: 2021 });
    const files = [
      { fileName: "白桑乡2022.docx", bytes: await writeReportDocx(getLayout("gov-2021"), docxData) },
      { fileName: "县政府办2020.html", bytes: encoder.encode(writeReportHtmlTable(getLayout("gov-2019"), htmlData)) },
      { fileName: "白桑乡2021.pdf", bytes: await writeReportPdf(getLayout("gov-2021"), pdfData) },
    ];
    const results = await verbs.importReportBatch(admin, { countyId: organizations.get("yangcheng")!, files, today });
    expect(results.map((result) => [result.outcome, result.organizationName, result.year, result.layoutId])).toEqual([
      ["imported", "白桑乡人民政府", 2022, "gov-2021"],
      ["imported", "阳城县人民政府办公室", 2020, "gov-2019"],
      ["imported", "白桑乡人民政府", 2021, "gov-2021"],
    ]);
    for (const [result, data] of [
      [results[0]!, docxData],
      [results[1]!, htmlData],
      [results[2]!, pdfData],
    ] as const) {
      const stored = await client.report.findUniqueOrThrow({ where: { id: result.reportId! }, select: { data: true } });
      expect((stored.data as { cells: unknown }).cells).toEqual(JSON.parse(JSON.stringify(data.cells)));
    }
  });

  it("refuses non-administrators, too many files and an organization that is not a county, changing nothing", async () => {
    const countyId = organizations.get("yangcheng")!;
    const files = [{ fileName: "白桑乡2021.txt", bytes: textFile("白桑乡人民政府", 2021) }];
    for (const username of ["yangcheng-review", "dongfeng"]) {
      await expectRefusedUnchanged(
        async () => verbs.importReportBatch(await actorFor(username), { countyId, files, today }),
        "FORBIDDEN",
      );
    }
    const admin = await actorFor("admin");
    await expectRefusedUnchanged(
      () => verbs.importReportBatch(admin, { countyId, files: Array.from({ length: 21 }, () => files[0]!), today }),
      "INVALID_INPUT",
      /最多导入 20 个/,
    );
    await expectRefusedUnchanged(
      () => verbs.importReportBatch(admin, { countyId: organizations.get("baisang")!, files, today }),
      "INVALID_INPUT",
      /县（区）/,
    );
  });
});
