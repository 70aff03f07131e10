/**
 * Publishing the county summary (全县汇总) against a real PostgreSQL, in the demo county 阳城县:
 * not before the 统计期限 has ended, only what the 样稿 showed, frozen with its PDF's SHA-256
 * and the units it adds up and those it does not; audited; a later version after one more
 * unit is approved (with a 更正说明), the first staying reachable; who may publish; the
 * public URLs of every version and the catalogue.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { describeAuditDetail } from "@/lib/account-data/describe-audit-detail";
import { formatDateZh } from "@/lib/format/format-date-zh";
import { publicationDayProblem } from "@/lib/publications/publication-dates";
import { readPdfRawText } from "@/lib/render/pdf/testing/read-pdf-pages";
import type { Actor } from "@/lib/workflow/policy";
import { failureOf, setUpReviewDatabase } from "./testing/review-database";

const modules = setUpReviewDatabase("nianbao_summary_publication", async () => ({
  publish: await import("./publish-county-summary"),
  preview: await import("./preview-county-summary-pdf"),
  approve: await import("./approve-report"),
  route: await import("@/lib/publications/serve-county-summary-publication"),
  catalogue: await import("@/lib/publications/list-county-summary-publications"),
  choose: await import("./choose-season-county"),
}));
const year = 2025;
/** 10 February 2026, noon in China: the 统计期限 of 2025 is over. */
const afterPeriod = new Date("2026-02-10T04:00:00Z");
const duringPeriod = new Date("2025-12-20T04:00:00Z");

/** The clerk's report of `username` (35 requests received, as every clean report), approved by the county's reviewer. */
async function approvedReport(username: string, reviewerName = "yangcheng-review"): Promise<string> {
  const { steps, approve } = modules;
  const { reportId, version } = await steps.submitCleanReportAsClerk(username, year);
  await approve.approveReport(await steps.actorFor(reviewerName), { reportId, expectedVersion: version });
  return reportId;
}

/** A public URL of the county's summary, answered by the one route handler. */
async function publicGet(countyId: string, path: string[], yearSegment = String(year)): Promise<Response> {
  const handler = modules.route.countySummaryPublicationRoute();
  return handler(new Request(`http://localhost/reports/county-summary/${countyId}/${yearSegment}/${path.join("/")}`), {
    params: Promise.resolve({ countyId, year: yearSegment, path }),
  });
}

describe("publishing the county summary of 阳城县", () => {
  it("is refused before the 统计期限 ends, freezes what the 样稿 showed, and versions later changes", async () => {
    const { db, steps, publish, preview } = modules;
    const countyId = await steps.organizationIdNamed("阳城县");
    const reviewer = await steps.actorFor("yangcheng-review");
    await approvedReport("dongfeng");
    await approvedReport("fengcheng");
    /** Publishes the summary as the 样稿 `shown` showed it, at `now`. */
    const publishShown = (publisher: Actor, shown: { contentSha256: string }, now: Date, correctionNote?: string) =>
      publish.publishCountySummary(publisher, {
        countyId,
        year,
        expectedContent: shown.contentSha256,
        now,
        correctionNote,
      });

    // December: the 样稿 is shown, with the reason it cannot be published yet; publishing is refused.
    const early = await preview.previewCountySummaryPdf(reviewer, { countyId, year, now: duringPeriod });
    const periodProblem = publicationDayProblem(year, "2025-12-20")!;
    expect(early.problems.map((problem) => problem.message)).toEqual([periodProblem]);
    expect(early.pageCount).toBeGreaterThan(0);
    const refusedEarly = await failureOf(publishShown(reviewer, early, duringPeriod));
    expect([refusedEarly.code, refusedEarly.message]).toEqual(["INVALID_STATE", periodProblem]);
    expect(periodProblem).toContain("统计期限");

    // February: the 样稿 is clean; a stale content hash is refused, the right one publishes.
    const first = await preview.previewCountySummaryPdf(reviewer, { countyId, year, now: afterPeriod });
    expect(first.problems).toEqual([]);
    expect(readPdfRawText(first.pdf)).toContain("样稿");
    const stale = await failureOf(publishShown(reviewer, { contentSha256: "0".repeat(64) }, afterPeriod));
    expect(stale.code).toBe("CONFLICT");
    expect(await db.countySummaryPublication.count()).toBe(0);

    const published = await publishShown(reviewer, first, afterPeriod);
    expect(published.sequence).toBe(1);
    const v1 = await db.countySummaryPublication.findFirstOrThrow({ where: { countyId, year, sequence: 1 } });
    expect(v1.pdfSha256).toBe(createHash("sha256").update(v1.pdf).digest("hex"));
    expect(v1.contentSha256).toBe(first.contentSha256);
    expect(v1.publishedById).toBe(reviewer.userId);
    expect(v1.publicationDate.toISOString().slice(0, 10)).toBe("2026-02-10");
    expect((v1.data as { cells: Record<string, number> }).cells["t3.r1.natural"]).toBe(70);
    expect((v1.includedUnits as { unitName: string }[]).map((unit) => unit.unitName).sort()).toEqual(
      ["董封乡人民政府", "凤城镇人民政府"].sort(),
    );
    expect(
      (v1.excludedUnits as { unitName: string; reason: string }[]).map((unit) => [unit.unitName, unit.reason]).sort(),
    ).toEqual(
      [
        ["白桑乡人民政府", "未开始"],
        ["北留镇人民政府", "未开始"],
        ["阳城县人民政府办公室", "未开始"],
      ].sort(),
    );
    // The frozen PDF is not a 样稿, and says what it adds up and what not yet.
    const text = readPdfRawText(v1.pdf);
    expect(text).not.toContain("样稿");
    expect(text).toContain("阳城县（全县汇总）");
    expect(text.replace(/\s+/g, "")).toContain("尚未纳入汇总的单位（3个）");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "summary.publish" } });
    expect([audit.organizationId, audit.actorId]).toEqual([countyId, reviewer.userId]);
    expect(audit.detail).toMatchObject({ year, sequence: 1, included: 2, excluded: 3 });
    expect(describeAuditDetail(audit.detail)).toBe(`${year} 年度第 1 版，已汇总 2 个单位，未汇总 3 个`);

    // Nothing changed: nothing to publish again.
    const unchanged = await preview.previewCountySummaryPdf(reviewer, { countyId, year, now: afterPeriod });
    expect(unchanged.problems.map((problem) => problem.message)).toEqual([
      "全县汇总与已发布的第 1 版相同，无需再次发布。",
    ]);

    // One more unit approved: version 2, which needs a 更正说明; version 1 is untouched.
    await approvedReport("baisang");
    const second = await preview.previewCountySummaryPdf(reviewer, {
      countyId,
      year,
      correctionNote: "新纳入汇总：白桑乡人民政府。",
      now: afterPeriod,
    });
    expect(second.problems).toEqual([]);
    expect(second.sequence).toBe(2);
    const withoutNote = await failureOf(publishShown(reviewer, second, afterPeriod));
    expect([withoutNote.code, withoutNote.message]).toEqual([
      "INVALID_INPUT",
      "这是对已发布报告的更正，请填写更正说明。",
    ]);
    // The county's administrator publishes it, as its reviewer may.
    const countyAdmin = await steps.actorOfNewAccount({
      username: "yangcheng-admin",
      name: "阳城县管理员",
      role: "COUNTY_ADMIN",
      organizationId: countyId,
    });
    await publishShown(countyAdmin, second, afterPeriod, "新纳入汇总：白桑乡人民政府。");
    const versions = await db.countySummaryPublication.findMany({
      where: { countyId, year },
      orderBy: { sequence: "asc" },
    });
    expect(versions.map((version) => version.sequence)).toEqual([1, 2]);
    expect(versions[0]!.pdfSha256).toBe(v1.pdfSha256);
    expect(versions[1]!.correctionNote).toBe("新纳入汇总：白桑乡人民政府。");
    expect((versions[1]!.data as { cells: Record<string, number> }).cells["t3.r1.natural"]).toBe(105);
    // Renders several PDFs (样稿 and versions) in the render pool: slow on a busy machine.
  }, 90_000);

  it("is for the county's own reviewers and administrators: another county is not found, a clerk or the system administrator refused", async () => {
    const { steps, publish, preview } = modules;
    const countyId = await steps.organizationIdNamed("阳城县");
    const input = { countyId, year, expectedContent: "0".repeat(64), now: afterPeriod };
    for (const [username, code] of [
      ["yanchi-review", "NOT_FOUND"],
      ["dongfeng", "NOT_FOUND"],
      ["admin", "FORBIDDEN"],
    ] as const) {
      const actor = await steps.actorFor(username);
      expect((await failureOf(publish.publishCountySummary(actor, input))).code, username).toBe(code);
      expect((await failureOf(preview.previewCountySummaryPdf(actor, input))).code, username).toBe(code);
    }
    // A clerk of the county government itself reaches the county, and is still refused.
    const countyClerk = {
      userId: (await steps.actorFor("yczfb")).userId,
      role: "CLERK" as const,
      organizationId: countyId,
    };
    expect((await failureOf(publish.publishCountySummary(countyClerk, input))).code).toBe("FORBIDDEN");
    // A township is no county; an id that is no id is not found either.
    const reviewer = await steps.actorFor("yangcheng-review");
    const township = await steps.organizationIdNamed("董封乡人民政府");
    expect((await failureOf(publish.publishCountySummary(reviewer, { ...input, countyId: township }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await failureOf(publish.publishCountySummary(reviewer, { ...input, countyId: "x" }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("serves every version publicly in every format, and lists the latest in the catalogue", async () => {
    const { db, steps, catalogue } = modules;
    const countyId = await steps.organizationIdNamed("阳城县");
    const [v1, v2] = await db.countySummaryPublication.findMany({
      where: { countyId, year },
      orderBy: { sequence: "asc" },
    });

    const page = await publicGet(countyId, []);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("阳城县（全县汇总）");
    expect(html).toContain(`/reports/county-summary/${countyId}/${year}/v/1`);
    expect(html).toContain("更正说明：新纳入汇总：白桑乡人民政府。");
    expect(html).toContain(`${formatDateZh("2026-02-10")}发布`);
    expect(html).not.toContain("成文日期");

    const pdf = await publicGet(countyId, ["pdf"]);
    expect([pdf.status, pdf.headers.get("content-type"), pdf.headers.get("etag")]).toEqual([
      200,
      "application/pdf",
      `"${v2!.pdfSha256}"`,
    ]);
    expect(
      createHash("sha256")
        .update(new Uint8Array(await pdf.arrayBuffer()))
        .digest("hex"),
    ).toBe(v2!.pdfSha256);
    const firstPdf = await publicGet(countyId, ["v", "1", "pdf"]);
    expect(firstPdf.headers.get("etag")).toBe(`"${v1!.pdfSha256}"`);
    expect(firstPdf.headers.get("cache-control")).toContain("immutable");

    const csvLine = async (path: string[]) =>
      (await (await publicGet(countyId, path)).text()).split("\n").find((line) => line.startsWith("t3.r1.natural,"));
    expect(await csvLine(["csv"])).toMatch(/,105\r?$/);
    expect(await csvLine(["v", "1", "csv"])).toMatch(/,70\r?$/);
    const json = (await (await publicGet(countyId, ["v", "2", "json"])).json()) as { cells: Record<string, number> };
    expect(json.cells["t3.r1.natural"]).toBe(105);
    expect((await publicGet(countyId, ["html"])).headers.get("content-type")).toContain("text/html");

    // What was never published, and paths that name nothing, are not found.
    for (const [path, yearSegment, county] of [
      [["v", "3"], String(year), countyId],
      [["docx"], String(year), countyId],
      [["pdf"], "2024", countyId],
      [["pdf"], "20x5", countyId],
      [["x", "y"], String(year), countyId],
      [["pdf"], String(year), await steps.organizationIdNamed("盐池县")],
      [["pdf"], String(year), "not-an-id"],
    ] as const)
      expect((await publicGet(county, [...path], yearSegment)).status, path.join("/")).toBe(404);

    const listed = await catalogue.listCountySummaryPublications(null, {});
    expect(listed.map((row) => [row.countyName, row.year, row.sequence])).toEqual([["阳城县", year, 2]]);
    expect(await catalogue.listCountySummaryPublications(null, { query: "盐池" })).toEqual([]);
    expect(await catalogue.listCountySummaryPublications(null, { year: 2024 })).toEqual([]);
    // Renders several PDFs (样稿 and versions) in the render pool: slow on a busy machine.
  }, 90_000);

  it("offers the system administrator every county to pick, a reviewer their own", async () => {
    const { steps, choose } = modules;
    const yangcheng = await steps.organizationIdNamed("阳城县");
    const yanchi = await steps.organizationIdNamed("盐池县");
    const admin = await steps.actorFor("admin");
    const everyCounty = await choose.chooseSeasonCounty(admin, undefined);
    expect(everyCounty.counties.map((county) => county.id)).toEqual(expect.arrayContaining([yangcheng, yanchi]));
    expect(everyCounty.countyId).toBe(everyCounty.counties[0]!.id);
    expect((await choose.chooseSeasonCounty(admin, yanchi)).countyId).toBe(yanchi);
    const reviewer = await steps.actorFor("yangcheng-review");
    const own = await choose.chooseSeasonCounty(reviewer, undefined);
    expect([own.counties.map((county) => county.name), own.countyId]).toEqual([["阳城县"], yangcheng]);
    // Another county asked for is passed on for the policy to refuse; an id that is no id names none.
    expect((await choose.chooseSeasonCounty(reviewer, yanchi)).countyId).toBe(yanchi);
    expect((await choose.chooseSeasonCounty(reviewer, "x")).countyId).toBeNull();
  });

  it("lets one of two publishers at once through; the other is told it is published already", async () => {
    const { db, steps, publish, preview } = modules;
    const countyId = await steps.organizationIdNamed("盐池县");
    await approvedReport("wangyuejing", "yanchi-review");
    const reviewer = await steps.actorFor("yanchi-review");
    const { contentSha256 } = await preview.previewCountySummaryPdf(reviewer, { countyId, year, now: afterPeriod });
    const input = { countyId, year, expectedContent: contentSha256, now: afterPeriod };
    const outcomes = await Promise.allSettled([
      publish.publishCountySummary(reviewer, input),
      publish.publishCountySummary(reviewer, input),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    // Depending on where the second one was when the first committed: published meanwhile
    // (in its transaction, or by the unique key), or nothing left to publish (before it rendered).
    expect([
      "CONFLICT:全县汇总已被他人发布，请刷新页面查看最新版本。",
      "INVALID_STATE:全县汇总与已发布的第 1 版相同，无需再次发布。",
    ]).toContain(`${refused.reason.code}:${refused.reason.message}`);
    expect(await db.countySummaryPublication.count({ where: { countyId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "summary.publish", organizationId: countyId } })).toBe(1);
  });
});
