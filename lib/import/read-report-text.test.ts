/**
 * The five published seed reports (fixtures/seeds-text, verbatim as published, SHA-256 in
 * fixtures/seeds-text/SHA256SUMS) read back: key figures, layout, year, body, their known
 * defects as problems or engine findings, and — where the seed was transcribed by hand
 * (fixtures/seeds) — every cell and every narrative field equal to the transcription.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { seeds, type SeedFixture } from "../../fixtures";
import { evaluateReport } from "../rules";
import { getLayout } from "../template";
import { readReportText } from "./read-report-text";
import type { ReadResult } from "./types";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const seedDir = path.join(repoRoot, "fixtures/seeds-text");

function readSeed(fileStart: string): ReadResult {
  const file = seeds.find((s) => s.source.startsWith(fileStart))?.source ?? `${fileStart}.txt`;
  return readReportText(readFileSync(path.join(seedDir, file), "utf8"));
}

const codes = (r: ReadResult): string[] => r.problems.map((p) => p.code);
const problemAt = (r: ReadResult, code: string, place: string) =>
  r.problems.find((p) => p.code === code && p.place === place);

function findingsOf(r: ReadResult) {
  return evaluateReport({
    data: r.data,
    layout: getLayout(r.layoutId),
    organization: r.organizationKind ? { name: r.organizationName, kind: r.organizationKind } : undefined,
  });
}

describe("what each seed says it is", () => {
  it.each<[string, Partial<ReadResult>]>([
    [
      "000",
      {
        status: "read",
        layoutId: "gov-2021",
        year: 2023,
        organizationName: "董封乡人民政府",
        organizationKind: "TOWNSHIP",
      },
    ],
    ["001", { layoutId: "gov-2019", year: 2020, organizationName: "祥云镇", organizationKind: "TOWN" }],
    ["002", { organizationName: "宽城满族自治县人民政府办公室", organizationKind: "DEPARTMENT", year: 2023 }],
    ["003", { organizationKind: "TOWN" }],
    ["004", { organizationName: "盐池县王乐井乡", organizationKind: "TOWNSHIP" }],
  ])("seed %s is read with its title, year, layout and kind", (seed, identity) => {
    expect(readSeed(seed)).toMatchObject(identity);
  });
});

describe("seed 000 — 董封乡人民政府 2023, table 三 cut short, no section 四", () => {
  const r = readSeed("000");

  it("reads the figures that are printed", () => {
    expect(r.data.cells["t2.penalty.decisions"]).toBe(3);
    expect(r.data.cells["t2.normative.repealed"]).toBe(0);
    expect(r.data.cells["t3.r1.total"]).toBe(0);
    expect(r.data.cells["t3.r3_4_3.total"]).toBe(0);
  });

  it("leaves the missing rows and table 四 absent, never 0", () => {
    for (const id of ["t3.r3_5_1.natural", "t3.r3_6_3.total", "t3.r3_7.total", "t3.r4.natural", "t4.review.total"]) {
      expect(r.data.cells[id]).toBeUndefined();
    }
    expect(Object.keys(r.data.cells).filter((id) => id.startsWith("t4."))).toEqual([]);
  });

  it("reports the missing rows, the missing section and the reworded heading", () => {
    const rows = problemAt(r, "row.missing", "t3.r3_5_1");
    expect(rows?.severity).toBe("error");
    expect(rows?.message).toContain("四、结转下年度继续办理");
    expect(rows?.message).toContain("共 10 行");
    expect(problemAt(r, "section.missing", "t4")?.message).toContain("四、政府信息公开行政复议、行政诉讼情况");
    expect(problemAt(r, "section.wording", "s5")?.message).toContain("存在的主要问题及下一步打算");
    expect(problemAt(r, "header.wording", "t2")?.message).toContain("本年度止件数");
    expect(codes(r)).toContain("period.missing");
  });

  it("drops sub-heading lines that restate the template (1、主动公开方面)", () => {
    expect(r.data.narrative["s1.active"]).toMatch(/^在县委、县政府的正确领导下/);
    expect(r.data.narrative["s1.oversight"]).toContain("强化政务公开质量\n意识");
  });

  it("yields the engine findings for the missing cells", () => {
    const f = findingsOf(r).filter((x) => x.ruleId === "completeness.cells");
    expect(f).toHaveLength(11);
    expect(f.flatMap((x) => x.cellIds)).toContain("t4.suitAfterReview.total");
  });
});

describe("seed 001 — 祥云镇 2020, gov-2019, heading 一 twice, six figures for seven columns", () => {
  const r = readSeed("001");

  it("decides gov-2019 from the table wording, with no mismatch against its year", () => {
    expect(codes(r)).not.toContain("year.layoutMismatch");
  });

  it("reads table 二 of the 2019 format", () => {
    expect(r.data.cells["t2.otherServices.decisions"]).toBe(869);
    expect(r.data.cells["t2.otherServices.prevItems"]).toBe(58);
    expect(r.data.cells["t2.licensing.prevItems"]).toBe(5);
    expect(r.data.cells["t2.licensing.decisions"]).toBe(12);
    expect(r.data.cells["t2.penalty.prevItems"]).toBe(26);
    expect(r.data.cells["t2.procurement.amount"]).toBe(0);
  });

  it("fills short rows from the left, leaves 总计 absent and says so once for the 20 rows", () => {
    expect(r.data.cells["t3.r3_1.natural"]).toBe(0);
    expect(r.data.cells["t3.r3_1.other"]).toBe(0);
    expect(r.data.cells["t3.r3_1.total"]).toBeUndefined();
    expect(r.data.cells["t3.r4.total"]).toBe(0);
    const short = r.problems.filter((p) => p.code === "row.values");
    expect(short).toHaveLength(1);
    expect(short[0]?.message).toContain("共 20 行");
    expect(short[0]?.message).toContain("“总计”未读取");
  });

  it("reports the duplicated heading, and the engine finds it in the text", () => {
    expect(problemAt(r, "section.duplicate", "s1")?.message).toContain("一、总体情况");
    expect(findingsOf(r).some((f) => f.ruleId === "narrative.duplicateHeading" && f.cellIds.includes("s1"))).toBe(true);
  });
});

describe("seed 002 — county office 2023, one value per line, 35 requests", () => {
  const r = readSeed("002");

  it("skips the page furniture before the title", () => {
    expect(r.data.narrative.preamble).toMatch(/^根据《中华人民共和国政府信息公开条例》/);
    expect(r.data.narrative.preamble).not.toContain("索引号");
  });

  it("reads the figures", () => {
    const c = r.data.cells;
    expect(c).toMatchObject({
      "t3.r1.total": 35,
      "t3.r1.natural": 35,
      "t3.r3_1.total": 6,
      "t3.r3_3_6.total": 1,
      "t3.r3_4_1.total": 25,
      "t3.r3_5_2.total": 3,
      "t3.r3_7.total": 35,
      "t4.review.upheld": 2,
      "t4.review.pending": 2,
      "t4.review.total": 4,
      "t4.suitAfterReview.total": 0,
      "t2.normative.issued": 3,
      "t2.normative.inForce": 3,
    });
    expect(Object.keys(c)).toHaveLength(200);
  });

  it("does not guess the malformed period “20231月1日”; reader and engine both report it", () => {
    expect(r.data.meta.periodStart).toBeUndefined();
    expect(problemAt(r, "period.unreadable", "meta.periodStart")?.message).toContain("20231月1日");
    expect(findingsOf(r).filter((f) => f.ruleId === "period.invalidDate")).toHaveLength(2);
  });

  it("has no other problem", () => {
    expect(codes(r)).toEqual(["period.unreadable"]);
  });

  it("takes its 成文日期 and 发布日期 from the page it was copied from", () => {
    expect(r.documentDate).toBe("2024-01-26");
    expect(r.publicationDate).toBe("2024-01-26");
  });
});

describe("seed 003 — 朝阳镇 2023, tab-indented, headings “3、”“4、”, sub-parts out of order", () => {
  const r = readSeed("003");

  it("reads all 200 cells and the period", () => {
    expect(Object.keys(r.data.cells)).toHaveLength(200);
    expect(r.data.meta.periodStart).toBe("2023-01-01");
    expect(r.data.meta.periodEnd).toBe("2023-12-31");
  });

  it("takes the dated signature as its 成文日期, out of the last section's text", () => {
    expect(r.documentDate).toBe("2024-01-17");
    expect(r.publicationDate).toBeNull();
    expect(r.data.narrative.s6).not.toContain("2024年1月17日");
    expect(r.data.narrative.s6).not.toContain("朝阳镇人民政府办公室");
  });

  it("reports the wrongly numbered headings", () => {
    expect(problemAt(r, "section.numbering", "t3")?.message).toContain("3、");
    expect(problemAt(r, "section.numbering", "t4")?.message).toContain("4、");
  });

  it("files each sub-part under the template part its words name", () => {
    expect(r.data.narrative["s1.management"]).toMatch(/^组织推动全镇政府信息公开工作/);
    expect(r.data.narrative["s1.active"]).toMatch(/^积极推动政府信息主动公开/);
    expect(r.data.narrative["s1.oversight"]).toMatch(/^全力做好宣传培训/);
    expect(problemAt(r, "part.order", "s1.management")).toBeDefined();
    expect(problemAt(r, "part.wording", "s1.oversight")).toBeDefined();
  });

  it("gives the engine what it needs to find “我乡” in a 镇 report", () => {
    const kind = findingsOf(r).filter((f) => f.ruleId === "identity.kindWord");
    expect(kind).toHaveLength(1);
    expect(kind[0]?.cellIds).toContain("s5");
    expect(kind[0]?.message).toContain("我乡");
  });
});

describe("seed 004 — 盐池县王乐井乡 2023, no （七）总计 and no 四、结转", () => {
  const r = readSeed("004");

  it("reads period and figures", () => {
    expect(r.data.meta.periodEnd).toBe("2023-12-31");
    expect(r.data.cells["t2.penalty.decisions"]).toBe(75);
    expect(r.data.cells["t3.r3_6_3.total"]).toBe(0);
    expect(r.data.cells["t4.suitAfterReview.total"]).toBe(0);
  });

  it("reports the two missing rows and leaves them absent", () => {
    expect(problemAt(r, "row.missing", "t3.r3_7")?.severity).toBe("error");
    expect(problemAt(r, "row.missing", "t3.r4")?.severity).toBe("error");
    expect(r.data.cells["t3.r3_7.total"]).toBeUndefined();
    expect(r.data.cells["t3.r4.natural"]).toBeUndefined();
  });
});

describe.each(seeds.map((s): [string, SeedFixture] => [s.id, s]))("%s equals the hand transcription", (_id, seed) => {
  const r = readReportText(readFileSync(path.join(seedDir, seed.source), "utf8"));

  it("in layout, year and body", () => {
    expect(r).toMatchObject({
      layoutId: seed.layoutId,
      year: seed.data.meta.year,
      organizationName: seed.data.meta.organizationName,
    });
  });

  it("in every cell (absent where the transcription has none)", () => {
    const ids = new Set([...Object.keys(r.data.cells), ...Object.keys(seed.data.cells)]);
    for (const id of ids) expect([id, r.data.cells[id] ?? null]).toEqual([id, seed.data.cells[id] ?? null]);
  });

  it("in every narrative field", () => {
    expect(r.data.narrative).toEqual(seed.data.narrative);
  });

  it("so the engine finds exactly what it finds in the transcription", () => {
    const mine = findingsOf(r).map((f) => [f.ruleId, f.cellIds.join(",")]);
    const theirs = evaluateReport({
      data: seed.data,
      layout: getLayout(seed.layoutId),
      organization: seed.organization,
    }).map((f) => [f.ruleId, f.cellIds.join(",")]);
    expect(mine).toEqual(theirs);
  });
});
