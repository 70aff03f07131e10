/**
 * The five published seed reports: each known defect is found (by rule id
 * and cell ids) and nothing else is; seed 002 with its 统计期限 corrected is
 * clean. Lives here rather than in fixtures/ because vitest.config.ts only
 * collects tests under lib/, components/, scripts/ and prisma/.
 */
import { describe, expect, it } from "vitest";
import { seed002, seed002Corrected, seeds } from "../../fixtures";
import { draftReportSchema } from "../report-data";
import { getLayout } from "../template";
import { evaluateReport } from "./evaluate-report";
import { findingsFor, ruleIdsOf } from "./test-support";

describe.each(seeds.map((s) => [s.id, s] as const))("%s", (_id, seed) => {
  const layout = getLayout(seed.layoutId);
  const findings = evaluateReport({ data: seed.data, layout, organization: seed.organization });

  it("is well-formed for the draft schema (autosave can store it)", () => {
    expect(draftReportSchema(layout).safeParse(seed.data).error?.issues ?? []).toEqual([]);
  });

  it.each(seed.expectedFindings.map((e) => [e.ruleId, e] as const))("finds %s", (ruleId, expected) => {
    const matching = findingsFor(findings, ruleId);
    expect(matching.length).toBeGreaterThan(0);
    if (expected.count !== undefined) expect(matching).toHaveLength(expected.count);
    const ids = new Set(matching.flatMap((f) => f.cellIds));
    for (const id of expected.cellIds ?? []) expect(ids, id).toContain(id);
  });

  it("finds nothing beyond its known defects", () => {
    expect(ruleIdsOf(findings)).toEqual([...new Set(seed.expectedFindings.map((e) => e.ruleId))].sort());
  });

  it("is found the same without the organization (kind inferred from the title where possible)", () => {
    const withoutOrg = evaluateReport({ data: seed.data, layout });
    expect(ruleIdsOf(withoutOrg)).toEqual(ruleIdsOf(findings).filter((id) => id !== "identity.organizationName"));
  });
});

describe("seed 002 (宽城县 county office, real figures)", () => {
  const layout = getLayout("gov-2021");

  it("as published yields exactly the two malformed 统计期限 dates", () => {
    const findings = evaluateReport({ data: seed002.data, layout, organization: seed002.organization });
    expect(findings.map((f) => [f.ruleId, f.severity, f.cellIds, f.actual, f.expected])).toEqual([
      ["period.invalidDate", "error", ["preamble"], "20231月1日", "2023年1月1日"],
      ["period.invalidDate", "error", ["preamble"], "202312月31日", "2023年12月31日"],
    ]);
  });

  it("with the 统计期限 corrected has no findings at all", () => {
    expect(evaluateReport({ data: seed002Corrected, layout, organization: seed002.organization })).toEqual([]);
  });

  it("carries the published figures", () => {
    const c = seed002.data.cells;
    expect([
      c["t3.r1.natural"],
      c["t3.r1.total"],
      c["t3.r3_1.total"],
      c["t3.r3_3_6.total"],
      c["t3.r3_4_1.total"],
      c["t3.r3_5_2.total"],
      c["t3.r3_7.total"],
    ]).toEqual([35, 35, 6, 1, 25, 3, 35]);
    expect([c["t4.review.upheld"], c["t4.review.pending"], c["t4.review.total"]]).toEqual([2, 2, 4]);
    expect([c["t2.normative.issued"], c["t2.normative.inForce"]]).toEqual([3, 3]);
  });

  it("agrees with its own prose (35 requests)", () => {
    expect(seed002.data.narrative["s1.onRequest"]).toContain("全年共收到依申请公开35件");
  });
});
