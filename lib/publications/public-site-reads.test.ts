/**
 * The public pages' reads with a read replica (DATABASE_READ_URL), against two real databases
 * on the test run's server: one stands in for the primary, the other for its replica, and
 * the replica lagging is the replica holding older data (a correction the primary has, a
 * lower public_site_version). While the replica holds the version this instance was told of,
 * the catalogue and a report's latest PDF come from it; once a notice announces a version
 * the replica does not hold yet, they come from the primary (the correction), and from the
 * replica again once it has caught up. Without the variable (every other public-site test)
 * everything reads the primary.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sampleReportData } from "@/lib/report-data/sample-report-data";
import { getLayout } from "@/lib/template";
import { dropDatabase } from "@/scripts/lib/postgres";
import { createScriptClient } from "@/scripts/lib/prisma-client";
import { createTestDatabase } from "@/scripts/lib/test-database-template";

const year = 2025;
const layout = getLayout("gov-2021")!;
const reportId = randomUUID();
const names = { primary: `nianbao_reads_primary_${process.pid}`, replica: `nianbao_reads_replica_${process.pid}` };
const urls = { primary: "", replica: "" };

type Modules = {
  db: (typeof import("@/lib/server/db"))["db"];
  readReplicaDb: (typeof import("@/lib/server/db"))["readReplicaDb"];
  answers: typeof import("./public-answers");
  reads: typeof import("./public-site-reads");
  serve: typeof import("./serve-publication");
  catalogue: typeof import("./serve-catalogue");
};
let m: Modules;

/** The PDF bytes of version `sequence`: what tells which database answered. */
const pdfOf = (sequence: number) => Buffer.from(`%PDF-1.7 董封乡 ${year} 第 ${sequence} 版`);

/** Writes version `sequence` of the report into one database (its first version creates the report). */
async function publishInto(url: string, sequence: number): Promise<void> {
  const client = createScriptClient(url);
  try {
    const organization = await client.organization.findFirstOrThrow({ where: { name: "董封乡人民政府" } });
    const data = sampleReportData(layout, { organizationName: organization.name, year });
    const pdf = pdfOf(sequence);
    const version = {
      sequence,
      templateId: layout.id,
      templateVersion: layout.version,
      data,
      html: `<!DOCTYPE html><p>第 ${sequence} 版</p>`,
      pdf: new Uint8Array(pdf),
      pdfSha256: createHash("sha256").update(pdf).digest("hex"),
      publicationDate: new Date(Date.UTC(2026, 0, sequence)),
      ...(sequence > 1 ? { correctionNote: "更正第二部分数据" } : {}),
    };
    await client.report.upsert({
      where: { id: reportId },
      create: {
        id: reportId,
        organizationId: organization.id,
        year,
        templateId: layout.id,
        templateVersion: layout.version,
        status: "PUBLISHED",
        data,
        publishedAt: new Date(),
        publications: { create: version },
      },
      update: { publications: { create: version } },
    });
  } finally {
    await client.$disconnect();
  }
}

/** Sets the public site's version a database holds (what the primary's notices raise). */
async function holdVersion(url: string, version: number): Promise<void> {
  const client = createScriptClient(url);
  try {
    await client.publicSiteVersion.upsert({ where: { id: 1 }, create: { id: 1, version }, update: { version } });
  } finally {
    await client.$disconnect();
  }
}

/** The latest PDF as the public URL answers it, and the catalogue's HTML. */
async function latestPdf(): Promise<Buffer> {
  const response = await m.serve.servePublication(
    new Request(`http://localhost/reports/${reportId}/pdf`),
    { reportId },
    "pdf",
  );
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}
async function catalogueHtml(): Promise<string> {
  const response = await m.catalogue.serveCatalogue(new Request("http://localhost/"));
  expect(response.status).toBe(200);
  return response.text();
}

/** What a notice of `version` does in an instance (public-site-notices.ts). */
function toldOf(version: number | null): void {
  m.answers.forgetPublicAnswers();
  m.answers.notePublicSiteVersion(version);
}

beforeAll(async () => {
  const { serverUrl, template } = inject("testDatabase");
  urls.primary = await createTestDatabase(serverUrl, template, names.primary);
  urls.replica = await createTestDatabase(serverUrl, template, names.replica);
  // Both have version 1; the primary also has the correction (version 2) the replica has not
  // replayed yet: its public_site_version is one behind.
  await publishInto(urls.primary, 1);
  await publishInto(urls.replica, 1);
  await publishInto(urls.primary, 2);
  await holdVersion(urls.primary, 8);
  await holdVersion(urls.replica, 7);
  process.env.DATABASE_URL = urls.primary;
  process.env.DATABASE_READ_URL = urls.replica;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const [dbModule, answers, reads, serve, catalogue] = await Promise.all([
    import("@/lib/server/db"),
    import("./public-answers"),
    import("./public-site-reads"),
    import("./serve-publication"),
    import("./serve-catalogue"),
  ]);
  m = { db: dbModule.db, readReplicaDb: dbModule.readReplicaDb, answers, reads, serve, catalogue };
  // Two databases from the template and four writes: slow on a busy machine.
}, 60_000);

afterAll(async () => {
  await m?.db.$disconnect();
  await m?.readReplicaDb?.$disconnect();
  await dropDatabase(urls.primary, names.primary);
  await dropDatabase(urls.replica, names.replica);
});

describe("public reads with a read replica", () => {
  it("reads the replica while it holds the version announced, the primary once a newer one is announced", async () => {
    expect(m.readReplicaDb).not.toBeNull();

    // Told of version 7, which the replica holds: the public pages read the replica, which
    // has only the first version.
    toldOf(7);
    expect(await m.reads.publicSiteReader()).toBe(m.readReplicaDb);
    expect(await latestPdf()).toEqual(pdfOf(1));
    expect(await catalogueHtml()).not.toContain("第 2 版");

    // A notice announces version 8 (the correction); the replica still holds 7: what it
    // would answer is older than the notice, so the reads go to the primary.
    toldOf(8);
    expect(await m.reads.publicSiteReader()).toBe(m.db);
    expect(await latestPdf()).toEqual(pdfOf(2));
    expect(await catalogueHtml()).toContain("（第 2 版，已更正）");

    // The replica catches up: its reads are used again, and serve the correction.
    await publishInto(urls.replica, 2);
    await holdVersion(urls.replica, 8);
    m.answers.forgetPublicAnswers();
    expect(await m.reads.publicSiteReader()).toBe(m.readReplicaDb);
    expect(await latestPdf()).toEqual(pdfOf(2));
    expect(await catalogueHtml()).toContain("（第 2 版，已更正）");
  });

  it("reads the primary while no version is known, or a change made here is not announced yet", async () => {
    toldOf(null);
    expect(m.answers.publicSiteVersionRequired()).toBeNull();
    expect(await m.reads.publicSiteReader()).toBe(m.db);

    toldOf(8);
    let announce: (version: number) => void = () => {};
    m.answers.setPublicSiteBroadcast(() => new Promise<number>((resolve) => (announce = resolve)));
    try {
      m.answers.publicSiteChanged();
      expect(await m.reads.publicSiteReader()).toBe(m.db);
      announce(8);
      await expect.poll(() => m.answers.publicSiteVersionRequired()).toBe(8);
      expect(await m.reads.publicSiteReader()).toBe(m.readReplicaDb);
    } finally {
      m.answers.setPublicSiteBroadcast(null);
    }
  });
});
