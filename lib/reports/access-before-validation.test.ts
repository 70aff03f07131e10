/**
 * Access is checked before any business rule, so a refusal never tells whether a report
 * exists or what state it is in. Each case replays a request of someone from
 * another county or organization whose input would trip a business check (a missing
 * 更正说明, a stale version, a target not in the layout, invalid figures, an unsupported
 * year, a body that is not a county): the answer must be the policy's refusal — for a
 * report, exactly the answer for an id that does not exist — and nothing may change.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { failureOf, setUpReviewDatabase } from "./testing/review-database";

const m = setUpReviewDatabase("nianbao_access", () =>
  Promise.all([
    import("./approve-report"),
    import("./publish-report"),
    import("./return-report"),
    import("./reopen-report-for-correction"),
    import("./add-review-comment"),
    import("./save-draft"),
    import("./submit-report"),
    import("./start-report"),
    import("./import-report-batch"),
    import("./preview-history-import"),
  ]),
);
const year = 2025;
const madeUpId = "00000000-0000-4000-8000-000000000000";
const reports = { published: "", submitted: "", draft: "" };
let versions: Record<keyof typeof reports, number>;

/** A refusal as the caller sees it, so two refusals compare by what they say. */
async function refusal(work: () => Promise<unknown>) {
  const { code, userMessage, details } = await failureOf(work);
  return { code, userMessage, details };
}

/** Every stored row of the three reports, to prove a refusal changed nothing. */
async function snapshot() {
  const ids = Object.values(reports);
  return Promise.all([
    m.db.report.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } }),
    m.db.auditEvent.count({ where: { reportId: { in: ids } } }),
    m.db.reviewComment.count({ where: { reportId: { in: ids } } }),
    m.db.publication.count({ where: { reportId: { in: ids } } }),
    m.db.reportRevision.count({ where: { reportId: { in: ids } } }),
  ]);
}

beforeAll(async () => {
  const { steps } = m;
  const reviewer = await steps.actorFor("yangcheng-review");
  const submitted = async (username: string, organizationName: string) => {
    const clerk = await steps.actorFor(username);
    const reportId = await steps.startReportAsClerk(clerk, year);
    await steps.saveReportDataAsClerk(clerk, reportId, steps.cleanReportData(organizationName, year));
    return { reportId, version: await steps.submitReportAsClerk(clerk, reportId) };
  };
  const toPublish = await submitted("dongfeng", "董封乡人民政府");
  const published = await m.approveReport(reviewer, {
    reportId: toPublish.reportId,
    expectedVersion: toPublish.version,
    publish: true,
  });
  reports.published = toPublish.reportId;
  const waiting = await submitted("beiliu", "北留镇人民政府");
  reports.submitted = waiting.reportId;
  reports.draft = await steps.startReportAsClerk(await steps.actorFor("baisang"), year);
  versions = { published: published.version, submitted: waiting.version, draft: 1 };
}, 180_000);

describe("another county's reviewer", () => {
  it("approving and publishing a published report without a 更正说明 is told it does not exist", async () => {
    const other = await m.steps.actorFor("yanchi-review");
    const before = await snapshot();
    const answer = await refusal(() =>
      m.approveReport(other, { reportId: reports.published, expectedVersion: versions.published, publish: true }),
    );
    expect(answer.code).toBe("NOT_FOUND");
    expect(answer).toEqual(
      await refusal(() => m.approveReport(other, { reportId: madeUpId, expectedVersion: 1, publish: true })),
    );
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["approves with a stale version", () => m.approveReport, "submitted", { expectedVersion: 99 }],
    ["publishes a correction without its note", () => m.publishReport, "published", {}],
    ["returns with a stale version", () => m.returnReport, "submitted", { expectedVersion: 99, comment: "x" }],
    [
      "reopens with a stale version",
      () => m.reopenReportForCorrection,
      "published",
      { expectedVersion: 99, comment: "x" },
    ],
    [
      "comments on a cell that is not in the layout",
      () => m.addReviewComment,
      "submitted",
      { target: "cell:t9.nothing.here", body: "x", expectedVersion: 99 },
    ],
  ] as const)("%s: not found, the same as a made-up id, nothing changed", async (_name, operation, which, input) => {
    const other = await m.steps.actorFor("yanchi-review");
    const run = operation() as (actor: unknown, input: object) => Promise<unknown>;
    const before = await snapshot();
    const base = { expectedVersion: versions[which], ...input };
    const answer = await refusal(() => run(other, { reportId: reports[which], ...base }));
    expect(answer.code).toBe("NOT_FOUND");
    expect(answer).toEqual(await refusal(() => run(other, { reportId: madeUpId, ...base })));
    expect(await snapshot()).toEqual(before);
  });
});

describe("a clerk of another organization", () => {
  it("saving invalid figures into a township's draft is told it does not exist", async () => {
    const other = await m.steps.actorFor("fengcheng");
    const before = await snapshot();
    const input = { expectedVersion: 7, cells: { "t9.nowhere": -1 }, narrative: { hacked: "x" } };
    const answer = await refusal(() => m.saveDraft(other, { reportId: reports.draft, ...input }));
    expect(answer.code).toBe("NOT_FOUND");
    expect(answer).toEqual(await refusal(() => m.saveDraft(other, { reportId: madeUpId, ...input })));
    expect(await snapshot()).toEqual(before);
  });

  it("submitting it without the reasons for its warnings is told it does not exist", async () => {
    const other = await m.steps.actorFor("fengcheng");
    const before = await snapshot();
    const answer = await refusal(() => m.submitReport(other, { reportId: reports.draft, expectedVersion: 99 }));
    expect(answer.code).toBe("NOT_FOUND");
    expect(answer).toEqual(await refusal(() => m.submitReport(other, { reportId: madeUpId, expectedVersion: 99 })));
    expect(await snapshot()).toEqual(before);
  });

  it("starting another organization's report for an unsupported year is refused as such, not for the year", async () => {
    const other = await m.steps.actorFor("fengcheng");
    const dongfeng = (await m.steps.actorFor("dongfeng")).organizationId;
    expect((await refusal(() => m.startReport(other, dongfeng, 2100))).code).toBe("FORBIDDEN");
  });

  it("previewing an empty file for another organization is refused before the file is looked at", async () => {
    const other = await m.steps.actorFor("fengcheng");
    const dongfeng = (await m.steps.actorFor("dongfeng")).organizationId!;
    const upload = { organizationId: dongfeng, fileName: "x.txt", bytes: new Uint8Array(0), today: new Date() };
    expect((await refusal(() => m.previewHistoryImport(other, upload))).code).toBe("FORBIDDEN");
  });
});

describe("a reviewer", () => {
  it("importing a batch for a body that is not a county, with no files, is refused before either is checked", async () => {
    const reviewer = await m.steps.actorFor("yangcheng-review");
    const township = (await m.steps.actorFor("dongfeng")).organizationId!;
    const answer = await refusal(() =>
      m.importReportBatch(reviewer, { countyId: township, files: [], today: new Date() }),
    );
    expect(answer.code).toBe("FORBIDDEN");
  });
});
