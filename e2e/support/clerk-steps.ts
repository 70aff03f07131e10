/**
 * The clerk's side of the journeys: start, fill in and submit a report. Until the wizard
 * lands on this branch these go through the server's own operations with the real clerk
 * account (see clerk-steps-cli.ts); swap each function body for the wizard's UI steps
 * (pageAs(browser, username) → fill → 提交审核) without touching the journeys.
 */
import { claimReport } from "./report-claims";
import { serverStep } from "./server-step";

const clerkStep = <T>(step: string, args: Record<string, unknown>): Promise<T> =>
  serverStep<T>("clerk-steps-cli.ts", step, args);

export const clerkSteps = {
  /** Opens (creates) the clerk's report for `year`. */
  start: async (username: string, year: number) => {
    await claimReport(username, year);
    return clerkStep<{ reportId: string }>("start", { username, year });
  },
  /** Fills the whole report with figures that pass every rule, with the given cells and narrative changed. */
  fill: (
    username: string,
    reportId: string,
    input: {
      organizationName: string;
      year: number;
      cells?: Record<string, number>;
      narrative?: Record<string, string>;
    },
  ) => clerkStep<{ version: number }>("save", { username, reportId, ...input }),
  /** Submits, giving a reason for every warning. */
  submit: (username: string, reportId: string) => clerkStep<{ version: number }>("submit", { username, reportId }),
};
