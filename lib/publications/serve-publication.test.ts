/**
 * The public side of publication against a real PostgreSQL: only published reports are
 * reachable (every other status answers 404 like an unknown id), every format comes from
 * the frozen snapshot with its cache headers, conditional requests answer 304, and hostile
 * narrative is inert text in the HTML and the PDF. A correction is served as the latest at
 * once after its publication returns, also by the kept answers the app's HTTP server gives
 * before Next.js (public-answers.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpReviewDatabase } from "@/lib/reports/testing/review-database";
import { startAnswerServer } from "./testing/answer-server";

const year = 2025;
const workDir = mkdtempSync(path.join(tmpdir(), "nianbao-public-"));
const m = setUpReviewDatabase("nianbao_public", async () => ({
  approve: await import("@/lib/reports/approve-report"),
  reopen: await import("@/lib/reports/reopen-report-for-correction"),
  transition: await import("@/lib/reports/transition-report"),
  serve: await import("./serve-publication"),
  list: await import("./list-publications"),
  catalogue: await import("./serve-catalogue"),
}));

const hostile = {
  script: "<script>alert('x')</script>",
  image: '<img src=x onerror="alert(1)">',
  longLine: "长".repeat(400) + "A".repeat(300),
  rare: "生僻字𠀀与表情😀",
};

let published: { reportId: string; clerk: Awaited<ReturnType<typeof m.steps.actorFor>> };
const unpublished: Record<string, string> = {};

beforeAll(async () => {
  const reviewer = await m.steps.actorFor("yangcheng-review");

  // Published: 董封乡, with hostile narrative.
  const clerk = await m.steps.actorFor("dongfeng");
  const reportId = await m.steps.startReportAsClerk(clerk, year);
  const clean = m.steps.cleanReportData("董封乡人民政府", year, { "t2.rules.issued": 7777 });
  const data = {
    ...clean,
    narrative: { ...clean.narrative, s5: `${hostile.script}\n${hostile.image}\n${hostile.longLine}\n${hostile.rare}` },
  };
  await m.steps.saveReportDataAsClerk(clerk, reportId, data);
  const version = await m.steps.submitReportAsClerk(clerk, reportId);
  await m.approve.approveReport(reviewer, { reportId, expectedVersion: version, publish: true });
  published = { reportId, clerk };

  // One report in each unpublished status.
  const draft = await m.steps.startReportAsClerk(await m.steps.actorFor("fengcheng"), year);
  unpublished.DRAFT = draft;
  const beiliu = await m.steps.actorFor("beiliu");
  const submitted = await m.steps.startReportAsClerk(beiliu, year);
  await m.steps.saveReportDataAsClerk(beiliu, submitted, m.steps.cleanReportData("北留镇人民政府", year));
  const submittedVersion = await m.steps.submitReportAsClerk(beiliu, submitted);
  unpublished.SUBMITTED = submitted;
  const baisang = await m.steps.actorFor("baisang");
  const approved = await m.steps.startReportAsClerk(baisang, year);
  await m.steps.saveReportDataAsClerk(baisang, approved, m.steps.cleanReportData("白桑乡人民政府", year));
  await m.approve.approveReport(reviewer, {
    reportId: approved,
    expectedVersion: await m.steps.submitReportAsClerk(baisang, approved),
  });
  unpublished.APPROVED = approved;
  const yczfb = await m.steps.actorFor("yczfb");
  const returned = await m.steps.startReportAsClerk(yczfb, year);
  await m.steps.saveReportDataAsClerk(yczfb, returned, m.steps.cleanReportData("阳城县人民政府办公室", year));
  const returnedVersion = await m.steps.submitReportAsClerk(yczfb, returned);
  await m.transition.transitionReport(reviewer, {
    reportId: returned,
    transition: "return",
    expectedVersion: returnedVersion,
    comment: "退回",
  });
  unpublished.RETURNED = returned;
  expect(submittedVersion).toBeGreaterThan(1);
}, 180_000);

let answerServer: Awaited<ReturnType<typeof startAnswerServer>>;
beforeAll(async () => {
  answerServer = await startAnswerServer();
});

afterAll(async () => {
  await answerServer.close();
  rmSync(workDir, { recursive: true, force: true });
});

function get(url: string, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${url}`, { headers });
}

function pdfText(pdf: ArrayBuffer): string {
  const file = path.join(workDir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, Buffer.from(pdf));
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

describe("what the public can reach", () => {
  it.each(["DRAFT", "SUBMITTED", "RETURNED", "APPROVED"])(
    "a %s report is not found in any format, like an unknown id",
    async (status) => {
      const reportId = unpublished[status]!;
      for (const format of ["page", "pdf", "json", "csv"] as const) {
        for (const sequence of [undefined, "1"]) {
          const response = await m.serve.servePublication(get(`/reports/${reportId}`), { reportId, sequence }, format);
          expect(response.status).toBe(404);
          const body = await response.text();
          expect(body).not.toMatch(/北留|白桑|凤城|阳城县人民政府办公室/);
          expect(body).toBe(
            await (
              await m.serve.servePublication(get("/"), { reportId: "00000000-0000-4000-8000-000000000000" }, format)
            ).text(),
          );
        }
      }
    },
  );

  it("refuses malformed ids and versions with 404", async () => {
    for (const params of [
      { reportId: "../../etc/passwd" },
      { reportId: published.reportId, sequence: "0" },
      { reportId: published.reportId, sequence: "2" },
      { reportId: published.reportId, sequence: "1e3" },
    ]) {
      expect((await m.serve.servePublication(get("/"), params, "page")).status).toBe(404);
    }
  });

  it("lists only published reports on the home page, filterable by region, name and year", async () => {
    const all = await m.list.listPublications(null, {}, m.db);
    expect(all.map((row) => row.organization)).toEqual(["董封乡人民政府"]);
    expect(all[0]).toMatchObject({ county: "阳城县", year, sequence: 1 });
    const yangcheng = await m.db.organization.findFirstOrThrow({ where: { name: "阳城县" }, select: { id: true } });
    const yanchi = await m.db.organization.findFirstOrThrow({ where: { name: "盐池县" }, select: { id: true } });
    expect(await m.list.listPublications(null, { countyId: yangcheng.id }, m.db)).toHaveLength(1);
    expect(await m.list.listPublications(null, { countyId: yanchi.id }, m.db)).toHaveLength(0);
    expect(await m.list.listPublications(null, { query: "董封" }, m.db)).toHaveLength(1);
    expect(await m.list.listPublications(null, { query: "阳城" }, m.db)).toHaveLength(1);
    expect(await m.list.listPublications(null, { query: "北留" }, m.db)).toHaveLength(0);
    expect(await m.list.listPublications(null, { year: year - 1 }, m.db)).toHaveLength(0);
    expect(await m.list.listPublicationFacets(null, m.db)).toEqual({
      counties: [{ id: yangcheng.id, name: "阳城县" }],
      years: [year],
    });
  });
});

describe("a published report", () => {
  it("serves the page from the snapshot with short caching on the latest URL and 304 on a matching ETag", async () => {
    const { reportId } = published;
    const response = await m.serve.servePublication(get(`/reports/${reportId}`), { reportId }, "page");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, must-revalidate");
    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^"page-1-[0-9a-f]{16}"$/);
    const html = await response.text();
    expect(html).toContain("董封乡人民政府");
    expect(html).toMatch(/<th[^>]* scope="col"/);
    expect(html).toMatch(/<th[^>]* scope="row"/);
    expect(html).toMatch(/<h1[^>]*>/);
    expect(html).toContain('data-cell-id="t2.rules.issued"');
    expect(html).toContain(`href="/reports/${reportId}/pdf"`);
    expect(html).toContain('data-testid="publication-versions"');
    // No script of any kind: the strict static CSP needs none.
    expect(html).not.toMatch(/<script/i);
    const again = await m.serve.servePublication(
      get(`/reports/${reportId}`, { "If-None-Match": etag }),
      { reportId },
      "page",
    );
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("serves each version at an immutable URL", async () => {
    const { reportId } = published;
    const response = await m.serve.servePublication(
      get(`/reports/${reportId}/v/1`),
      { reportId, sequence: "1" },
      "page",
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const html = await response.text();
    expect(html).toContain("这是本报告的第 1 版");
    expect(html).not.toContain("publication-versions");
  });

  it("serves the stored PDF with its hash as ETag and a Chinese file name (RFC 5987)", async () => {
    const { reportId } = published;
    const stored = await m.db.publication.findFirstOrThrow({
      where: { reportId },
      select: { pdf: true, pdfSha256: true },
    });
    const response = await m.serve.servePublication(get(`/reports/${reportId}/pdf`), { reportId }, "pdf");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("etag")).toBe(`"${stored.pdfSha256}"`);
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toBe(
      `attachment; filename="report-${year}-v1.pdf"; filename*=UTF-8''${encodeURIComponent(`董封乡人民政府${year}年政府信息公开工作年度报告.pdf`)}`,
    );
    const body = await response.arrayBuffer();
    expect(Buffer.from(body).equals(Buffer.from(stored.pdf))).toBe(true);
    const text = pdfText(body);
    expect(text).toMatch(/\b7777\b/);
    expect(text).toMatch(/\b1204\b/);
    expect(
      (
        await m.serve.servePublication(
          get(`/reports/${reportId}/pdf`, { "If-None-Match": `"${stored.pdfSha256}"` }),
          { reportId },
          "pdf",
        )
      ).status,
    ).toBe(304);
  });

  it("serves JSON and CSV from the frozen data, keyed by stable cell ids", async () => {
    const { reportId } = published;
    const json = await (await m.serve.servePublication(get("/"), { reportId }, "json")).json();
    expect(json.organization).toBe("董封乡人民政府");
    expect(json.cells["t2.rules.issued"]).toBe(7777);
    expect(json.cells["t3.r1.natural"]).toBe(35);
    const csvResponse = await m.serve.servePublication(get("/"), { reportId, sequence: "1" }, "csv");
    expect(csvResponse.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csvResponse.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const csv = await csvResponse.text();
    expect(csv.split("\r\n").find((line) => line.startsWith("t2.rules.issued,"))).toMatch(/,7777$/);
  });

  it("shows hostile narrative as text: escaped in HTML, printed (or 〓) in the PDF", async () => {
    const { reportId } = published;
    const html = await (await m.serve.servePublication(get("/"), { reportId }, "page")).text();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain(hostile.longLine);
    expect(html).toContain(hostile.rare);
    const pdf = await (await m.serve.servePublication(get("/"), { reportId }, "pdf")).arrayBuffer();
    const text = pdfText(pdf).replace(/\s+/g, "");
    expect(text).toContain("<script>alert('x')</script>");
    expect(text).toContain('<imgsrc=xonerror="alert(1)">');
    expect(text).toContain("A".repeat(300));
    expect(text).toContain("生僻字〓与表情〓");
  });

  it("keeps version 1 online while a correction is made, then lists both with the 更正说明", async () => {
    const { reportId, clerk } = published;
    const reviewer = await m.steps.actorFor("yangcheng-review");
    const { version } = await m.db.report.findUniqueOrThrow({ where: { id: reportId }, select: { version: true } });
    await m.reopen.reopenReportForCorrection(reviewer, { reportId, expectedVersion: version, comment: "规章数字有误" });
    // Under correction (已退回) the published version is still the public record.
    expect((await m.serve.servePublication(get("/"), { reportId }, "page")).status).toBe(200);
    // Served once at their own URLs, the latest page and PDF are kept and answered before Next.js.
    const latestPath = `/reports/${reportId}`;
    for (const [path, format] of [
      [latestPath, "page"],
      [`${latestPath}/pdf`, "pdf"],
    ] as const)
      expect((await m.serve.servePublication(get(path), { reportId }, format)).status).toBe(200);
    const keptPage = await fetch(`${answerServer.url}${latestPath}`);
    expect(keptPage.status).toBe(200);
    expect(keptPage.headers.get("etag")).toMatch(/^"page-1-/);
    expect(await keptPage.text()).not.toContain("更正说明");
    const keptPdfTag = (await fetch(`${answerServer.url}${latestPath}/pdf`)).headers.get("etag");
    expect((await m.catalogue.serveCatalogue(get("/"))).status).toBe(200);
    const keptHome = await fetch(`${answerServer.url}/`);
    expect(keptHome.headers.get("content-security-policy")).toContain("form-action 'self'");
    expect(await keptHome.text()).not.toContain("已更正");
    expect(await m.list.listPublications(null, {}, m.db)).toHaveLength(1);

    await m.steps.saveReportDataAsClerk(
      clerk,
      reportId,
      m.steps.cleanReportData("董封乡人民政府", year, { "t2.rules.issued": 7778 }),
    );
    const submitted = await m.steps.submitReportAsClerk(clerk, reportId);
    await m.approve.approveReport(reviewer, {
      reportId,
      expectedVersion: submitted,
      publish: true,
      correctionNote: "规章制发件数更正为 7778。",
    });

    // The moment the publication returns, nothing kept from version 1 answers for the latest URLs…
    expect((await fetch(`${answerServer.url}${latestPath}`)).status).toBe(599);
    expect((await fetch(`${answerServer.url}${latestPath}/pdf`)).status).toBe(599);
    expect((await fetch(`${answerServer.url}/`)).status).toBe(599);
    expect(await (await m.catalogue.serveCatalogue(get("/"))).text()).toContain("（第 2 版，已更正）");
    expect(await (await fetch(`${answerServer.url}/`)).text()).toContain("（第 2 版，已更正）");
    // …and once served again, version 2 is what is kept.
    expect((await m.serve.servePublication(get(latestPath), { reportId }, "pdf")).headers.get("etag")).not.toBe(
      keptPdfTag,
    );
    const keptAgain = await fetch(`${answerServer.url}${latestPath}`);
    expect(keptAgain.status).toBe(599);
    await m.serve.servePublication(get(latestPath), { reportId }, "page");
    const keptSecond = await fetch(`${answerServer.url}${latestPath}`);
    expect(keptSecond.headers.get("etag")).toMatch(/^"page-2-/);
    expect(await keptSecond.text()).toContain("更正说明：规章制发件数更正为 7778。");

    const latest = await m.serve.servePublication(get("/"), { reportId }, "page");
    expect(latest.headers.get("etag")).toMatch(/^"page-2-/);
    const html = await latest.text();
    expect(html).toContain("更正说明：规章制发件数更正为 7778。");
    expect(html).toContain(`href="/reports/${reportId}/v/1"`);
    expect(html).toContain(`href="/reports/${reportId}/v/2"`);
    const first = await (await m.serve.servePublication(get("/"), { reportId, sequence: "1" }, "json")).json();
    expect(first.cells["t2.rules.issued"]).toBe(7777);
    const second = await (await m.serve.servePublication(get("/"), { reportId }, "json")).json();
    expect(second.cells["t2.rules.issued"]).toBe(7778);
    expect(second.correctionNote).toBe("规章制发件数更正为 7778。");
    const pdf = await m.serve.servePublication(get("/"), { reportId }, "pdf");
    expect(pdf.headers.get("content-disposition")).toContain(encodeURIComponent("（第2版）.pdf"));
  });
});
