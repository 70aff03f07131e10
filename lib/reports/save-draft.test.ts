// saveDraft against a real PostgreSQL (a throw-away cluster, migrated and seeded with the
// demo organizations): the version guard, the revision trail, the policy and the input
// checks, each proven by what is (or is not) in the database afterwards.
import { describe, expect, it, vi } from "vitest";
import { failureOf, setUpReviewDatabase } from "./testing/review-database";

const m = setUpReviewDatabase(
  "save_draft",
  async () => {
    const { actorFor } = await import("./testing/clerk-steps");
    return {
      saveDraft: (await import("./save-draft")).saveDraft,
      startReport: (await import("./start-report")).startReport,
      clerk: await actorFor("dongfeng"),
      otherClerk: await actorFor("fengcheng"),
      reviewer: await actorFor("yangcheng-review"),
    };
  },
  { withPublishedReports: true },
);

/** The clerk's report of `year`, started as in December of that year (its reporting year), so again and again gives the same one. */
async function newReport(year: number): Promise<{ id: string }> {
  return m.startReport(m.clerk, m.clerk.organizationId!, year, { today: new Date(year, 11, 1) });
}

async function stored(id: string) {
  const report = await m.db.report.findUniqueOrThrow({ where: { id }, select: { version: true, data: true } });
  const revisions = await m.db.reportRevision.findMany({
    where: { reportId: id },
    orderBy: { version: "asc" },
    select: { version: true, authorId: true, data: true },
  });
  return { ...report, revisions };
}

async function refusal(work: Promise<unknown>): Promise<{ code: string; message: string; details: unknown }> {
  const { code, userMessage, details } = await failureOf(work);
  return { code, message: userMessage, details };
}

describe("saveDraft", () => {
  it("stores the values, computes the totals, bumps the version and writes a revision", async () => {
    const { id } = await newReport(2021);
    const saved = await m.saveDraft(m.clerk, {
      reportId: id,
      expectedVersion: 1,
      cells: { "t3.r1.natural": 35, "t3.r1.business": 2 },
      narrative: { s5: "存在的问题。" },
    });
    expect(saved.version).toBe(2);
    const after = await stored(id);
    expect(after.version).toBe(2);
    const data = after.data as {
      cells: Record<string, number | null>;
      narrative: Record<string, string>;
      meta: { organizationName: string };
    };
    expect(data.cells["t3.r1.natural"]).toBe(35);
    expect(data.cells["t3.r1.total"]).toBe(37);
    expect(data.narrative.s5).toBe("存在的问题。");
    expect(data.meta.organizationName).toBe("董封乡人民政府");
    expect(after.revisions.map((r) => r.version)).toEqual([1, 2]);
    expect(after.revisions[1]?.authorId).toBe(m.clerk.userId);
    expect(after.revisions[1]?.data).toEqual(after.data);
  });

  it("refuses a save based on an older version with CONFLICT and the server's side, changing nothing", async () => {
    const { id } = await newReport(2022);
    await m.saveDraft(m.clerk, { reportId: id, expectedVersion: 1, cells: { "t3.r1.natural": 1 }, narrative: {} });
    const before = await stored(id);
    const refused = await refusal(
      m.saveDraft(m.clerk, { reportId: id, expectedVersion: 1, cells: { "t3.r1.natural": 99 }, narrative: {} }),
    );
    expect(refused.code).toBe("CONFLICT");
    const details = refused.details as { version: number; data: { cells: Record<string, number | null> } };
    expect(details.version).toBe(2);
    expect(details.data.cells["t3.r1.natural"]).toBe(1);
    expect(await stored(id)).toEqual(before);
  });

  it("refuses a m.clerk of another body (as not found) and a m.reviewer, changing nothing", async () => {
    const { id } = await newReport(2023);
    const before = await stored(id);
    expect(
      (
        await refusal(
          m.saveDraft(m.otherClerk, { reportId: id, expectedVersion: 1, cells: { "t3.r1.natural": 5 }, narrative: {} }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await refusal(
          m.saveDraft(m.reviewer, { reportId: id, expectedVersion: 1, cells: { "t3.r1.natural": 5 }, narrative: {} }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      (await refusal(m.saveDraft(null, { reportId: id, expectedVersion: 1, cells: {}, narrative: {} }))).code,
    ).toBe("UNAUTHENTICATED");
    expect(await stored(id)).toEqual(before);
  });

  it("refuses a submitted report, saying why", async () => {
    const { id } = await newReport(2024);
    await m.db.report.update({ where: { id }, data: { status: "SUBMITTED" } });
    const before = await stored(id);
    const refused = await refusal(
      m.saveDraft(m.clerk, { reportId: id, expectedVersion: 1, cells: { "t3.r1.natural": 5 }, narrative: {} }),
    );
    expect(refused.code).toBe("INVALID_STATE");
    expect(refused.message).toContain("已提交审核");
    expect(
      (
        await refusal(
          m.saveDraft(m.reviewer, { reportId: id, expectedVersion: 1, cells: { "t3.r1.natural": 5 }, narrative: {} }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(await stored(id)).toEqual(before);
  });

  it.each([
    ["an unknown cell id", { "t9.nowhere.x": 1 }, {}],
    ["a fraction in a count cell", { "t3.r1.natural": 1.5 }, {}],
    ["a negative count", { "t3.r1.natural": -1 }, {}],
    ["an unknown text id", {}, { hacked: "x" }],
    ["text over 20 000 characters", {}, { s5: "字".repeat(20_001) }],
    ["control characters in text", {}, { s5: "a\u0000b" }],
    ["an unpaired surrogate in text", {}, { s5: "a\uD800b" }],
  ])("refuses %s with a zh-CN message and changes nothing", async (_name, cells, narrative) => {
    const { id } = await newReport(2025);
    const before = await stored(id);
    const refused = await refusal(
      m.saveDraft(m.clerk, { reportId: id, expectedVersion: before.version, cells, narrative }),
    );
    expect(refused.code).toBe("INVALID_INPUT");
    expect(refused.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await stored(id)).toEqual(before);
  });

  it("refuses half of an emoji (an unpaired surrogate) saying which text and where, and saves the text once it is removed", async () => {
    const { id } = await newReport(2026);
    const before = await stored(id);
    const refused = await refusal(
      m.saveDraft(m.clerk, { reportId: id, expectedVersion: before.version, cells: {}, narrative: { s6: "无\uDE00" } }),
    );
    expect(refused).toMatchObject({
      code: "INVALID_INPUT",
      message:
        "保存的内容有误（六、其他需要报告的事项）：第 2 个字（“无”之后）是一个无法识别的字符（常显示为 �），请删除后重新输入",
    });
    expect(await stored(id)).toEqual(before);
    const saved = await m.saveDraft(m.clerk, {
      reportId: id,
      expectedVersion: before.version,
      cells: {},
      narrative: { s6: "无" },
    });
    expect(saved.version).toBe(before.version + 1);
  });

  it("answers a text the database itself refuses as a refusal (INVALID_INPUT), not 系统出错", async () => {
    // What a lone surrogate past every schema does: PostgreSQL refuses it in a JSON column.
    const { id } = await newReport(2023);
    const { db } = await import("@/lib/server/db");
    const { toFailure } = await import("@/lib/server/define-action");
    const error = await db.report.update({ where: { id }, data: { data: { narrative: { s5: "\uD800" } } } }).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).not.toBeNull();
    const logged: unknown[][] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...line: unknown[]) => void logged.push(line));
    try {
      expect(toFailure(error, "save-draft.test")).toEqual({
        ok: false,
        code: "INVALID_INPUT",
        message: "内容中有无法保存的字符（例如残缺的表情符号），请删除后重试。",
      });
    } finally {
      spy.mockRestore();
    }
    expect(logged).toHaveLength(1);
    expect(logged[0]).toHaveLength(1);
  });

  it("ignores forged meta: body name and year stay the server's", async () => {
    const { id } = await newReport(2020);
    const { saveDraftInput } = await import("./save-draft");
    expect(
      saveDraftInput.safeParse({
        reportId: id,
        expectedVersion: 1,
        cells: {},
        narrative: {},
        meta: { organizationName: "别的机关" },
      }).success,
    ).toBe(false);
  });

  it("audits the 本年度未发生 acts a save carries, in the same write, and refuses acts on unknown tables", async () => {
    const { id } = await newReport(2022);
    const saved = await m.saveDraft(m.clerk, {
      reportId: id,
      expectedVersion: (await stored(id)).version,
      cells: { "t4.review.upheld": 0 },
      narrative: {},
      acts: [{ kind: "fillZero", tables: ["t3", "t4"], cells: 159 }],
    });
    const events = await m.db.auditEvent.findMany({
      where: { reportId: id, action: { in: ["report.fillZero", "report.undoFillZero"] } },
      select: { action: true, actorId: true, comment: true, detail: true },
    });
    // The browser said 159; this save turned one blank cell to 0, and that is what is audited.
    expect(events).toEqual([
      {
        action: "report.fillZero",
        actorId: m.clerk!.userId,
        comment:
          "三、收到和处理政府信息公开申请情况、四、政府信息公开行政复议、行政诉讼情况：本年度未发生，已将 1 个空白格填为 0",
        detail: { tables: ["t3", "t4"], cells: 1, reportedCells: 159, version: saved.version },
      },
    ]);

    const refused = await refusal(
      m.saveDraft(m.clerk, {
        reportId: id,
        expectedVersion: saved.version,
        cells: {},
        narrative: {},
        acts: [{ kind: "undoFillZero", tables: ["t9"], cells: 1 }],
      }),
    );
    expect(refused.code).toBe("INVALID_INPUT");
    expect(refused.message).toContain("t9");
    expect((await stored(id)).version).toBe(saved.version);
    expect(await m.db.auditEvent.count({ where: { reportId: id, action: "report.undoFillZero" } })).toBe(0);

    // The undo: the cell the fill wrote is blank again; a cell of another table does not count.
    const undone = await m.saveDraft(m.clerk, {
      reportId: id,
      expectedVersion: saved.version,
      cells: { "t2.rules.issued": 0 },
      narrative: {},
      acts: [{ kind: "undoFillZero", tables: ["t4"], cells: 1 }],
    });
    const undo = await m.db.auditEvent.findFirstOrThrow({
      where: { reportId: id, action: "report.undoFillZero" },
      select: { comment: true, detail: true },
    });
    expect(undo).toEqual({
      comment: "四、政府信息公开行政复议、行政诉讼情况：撤销本年度未发生，1 格恢复为空白",
      detail: { tables: ["t4"], cells: 1, reportedCells: 1, version: undone.version },
    });
  });
});
