/**
 * Which years a clerk may start, against a real PostgreSQL and with the clock set: the
 * reporting year (idempotent), no later year, and an earlier year only where the
 * organization has no report for it — a draft, a published or an imported one.
 */
import { describe, expect, it } from "vitest";
import { adaptedSeedReport } from "@/fixtures/import/adapted-seed-report";
import { startYearProblem } from "./reporting-year";
import { failureOf, setUpReviewDatabase } from "./testing/review-database";

// 1 December 2026: the reporting year is 2026.
const today = new Date(2026, 11, 1);

const m = setUpReviewDatabase("nianbao_start_report", async () => ({
  start: (await import("./start-report")).startReport,
  importHistory: (await import("./import-history-report")).importHistoryReport,
}));

async function clerk(username: string) {
  const actor = await m.steps.actorFor(username);
  return { actor, organizationId: actor.organizationId! };
}

async function reportCount(organizationId: string): Promise<number> {
  return m.db.report.count({ where: { organizationId } });
}

describe("startYearProblem", () => {
  it.each([
    // [today, year, has a report, allowed]
    [new Date(2026, 11, 1), 2026, false, true],
    [new Date(2026, 11, 1), 2026, true, true],
    [new Date(2026, 11, 1), 2027, false, false],
    [new Date(2026, 11, 1), 2100, false, false],
    [new Date(2026, 11, 1), 2019, false, true],
    [new Date(2026, 11, 1), 2019, true, false],
    // In January the year just ended is still the one being reported; the new one is not.
    [new Date(2027, 0, 20), 2026, true, true],
    [new Date(2027, 0, 20), 2027, false, false],
    // From November the year under way can be started.
    [new Date(2027, 10, 1), 2027, false, true],
  ])("on %s, year %i (a report exists: %s) may be started: %s", (date, year, isPresent, isAllowed) => {
    const problem = startYearProblem(year, date, { isPresent });
    expect(problem === null).toBe(isAllowed);
    if (problem) expect(problem).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("startReport", () => {
  it("opens the reporting year, and the same report again on a second start", async () => {
    const { actor, organizationId } = await clerk("dongfeng");
    const first = await m.start(actor, organizationId, 2026, { today });
    const [second, third] = await Promise.all([
      m.start(actor, organizationId, 2026, { today }),
      m.start(actor, organizationId, 2026, { today }),
    ]);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it("refuses a year that has not come yet, in zh-CN, writing nothing", async () => {
    const { actor, organizationId } = await clerk("fengcheng");
    const before = await reportCount(organizationId);
    for (const year of [2027, 2100]) {
      const error = await failureOf(m.start(actor, organizationId, year, { today }));
      expect(error.code).toBe("INVALID_INPUT");
      expect(error.userMessage).toBe(`${year} 年度尚不能填写：当前应填写的是 2026 年度报告。`);
    }
    expect(await reportCount(organizationId)).toBe(before);
  });

  it("refuses years before the first layout", async () => {
    const { actor, organizationId } = await clerk("fengcheng");
    const error = await failureOf(m.start(actor, organizationId, 2018, { today }));
    expect(error.userMessage).toBe("暂不支持 2018 年度的报告格式。");
  });

  it("starts an earlier year for filling in history only where there is no report", async () => {
    const { actor, organizationId } = await clerk("beiliu");
    const history = await m.start(actor, organizationId, 2019, { today });
    const stored = await m.db.report.findUniqueOrThrow({
      where: { id: history.id },
      select: { year: true, status: true, templateId: true },
    });
    expect(stored).toEqual({ year: 2019, status: "DRAFT", templateId: "gov-2019" });
    // A second start of that year (a replayed request, a second tab) is refused, not a second draft.
    const again = await failureOf(m.start(actor, organizationId, 2019, { today }));
    expect(again.code).toBe("INVALID_INPUT");
    expect(again.userMessage).toContain("本单位已有 2019 年度报告");
    expect(await m.db.report.count({ where: { organizationId, year: 2019 } })).toBe(1);
  });

  it("refuses an earlier year that was imported, so no draft stands in for the published report", async () => {
    const { actor, organizationId } = await clerk("baisang");
    const bytes = new TextEncoder().encode(adaptedSeedReport({ organizationName: "白桑乡人民政府", year: 2023 }));
    const imported = await m.importHistory(actor, {
      organizationId,
      fileName: "白桑乡2023年报.txt",
      bytes,
      today,
      confirmOrganization: true,
    });
    expect(imported.year).toBe(2023);
    const before = await reportCount(organizationId);
    const error = await failureOf(m.start(actor, organizationId, 2023, { today }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.userMessage).toBe(
      "本单位已有 2023 年度报告，请在“历年报告”中打开；如需以已公开的报告替换，请使用“导入往年报告”。",
    );
    expect(await reportCount(organizationId)).toBe(before);
  });
});
