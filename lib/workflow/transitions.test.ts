import { describe, expect, it } from "vitest";
import { roles } from "./roles";
import {
  canTransition,
  fitsPendingImport,
  reportStatuses,
  transitionNames,
  transitionRow,
  type TransitionName,
  type TransitionTimestamp,
} from "./transitions";

// The invariants of the lifecycle table; lib/reports/transition-report.test.ts shows that
// the server does what each row says.
describe("the transition table", () => {
  const stampOf: Partial<Record<string, TransitionTimestamp>> = {
    SUBMITTED: "submittedAt",
    APPROVED: "approvedAt",
    PUBLISHED: "publishedAt",
  };

  it.each(transitionNames)(
    "%s: a known role, statuses and audit action, and the timestamp of where it goes",
    (name) => {
      const row = transitionRow(name);
      expect(roles).toContain(row.role);
      expect(row.from.length).toBeGreaterThan(0);
      for (const status of [...row.from, row.to]) expect(reportStatuses).toContain(status);
      expect(row.from).not.toContain(row.to);
      expect(row.audit).toBe(`report.${name}`);
      expect(row.stamps).toBe(stampOf[row.to] ?? null);
    },
  );

  it("sends a report back only with a reason and keeps the data as it was sent back", () => {
    for (const name of transitionNames) {
      const row = transitionRow(name);
      const sendsBack = row.to === "RETURNED";
      expect(row.keepsReturnSnapshot, name).toBe(sendsBack);
      expect(row.commentRequired !== null, name).toBe(sendsBack);
      if (row.commentRequired) expect(row.commentRequired).toMatch(/^[\u4e00-\u9fff].*。$/);
    }
  });

  it("gates every move forward on the rules but the import steps, and only the clerk's submission asks reasons", () => {
    // An imported report is recorded as its body published it: its findings go to the
    // reviewer with the source file instead of blocking (lib/reports/write-imported-report.ts).
    const importSteps: TransitionName[] = ["import", "confirmImport"];
    for (const name of transitionNames) {
      const row = transitionRow(name);
      expect(row.isGatedByRules, name).toBe(row.to !== "RETURNED" && !importSteps.includes(name));
      expect(row.warningsNeedReasons, name).toBe(row.role === "CLERK" && row.isGatedByRules);
    }
  });

  it("publishes a submitted import only by its confirmation, and approves only what was not imported", () => {
    const submittedSteps = transitionNames.filter((name) => canTransition(name, "SUBMITTED"));
    expect(submittedSteps.filter((name) => fitsPendingImport(name, true)).sort()).toEqual(["confirmImport", "return"]);
    expect(submittedSteps.filter((name) => fitsPendingImport(name, false)).sort()).toEqual(["approve", "return"]);
    expect(transitionRow("confirmImport")).toMatchObject({ role: "REVIEWER", to: "PUBLISHED" });
    expect(transitionRow("import")).toMatchObject({ role: "CLERK", to: "SUBMITTED" });
  });
});
