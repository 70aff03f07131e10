/**
 * Runs one clerk step of the browser journeys through the server's own operations
 * (lib/reports/testing/clerk-steps.ts) against the e2e database. Started by
 * e2e/support/clerk-steps.ts in a child process with the `react-server` condition, because
 * lib/reports is server-only code. Prints the result as JSON on stdout.
 *
 *   tsx --conditions=react-server e2e/support/clerk-steps-cli.ts <step> <json args>
 */
import {
  actorFor,
  cleanReportData,
  saveReportDataAsClerk,
  startReportAsClerk,
  submitReportAsClerk,
} from "@/lib/reports/testing/clerk-steps";
import { runCliStep } from "./cli-step";

type Args = {
  username: string;
  year?: number;
  reportId?: string;
  organizationName?: string;
  cells?: Record<string, number>;
  narrative?: Record<string, string>;
};

async function run(step: string, args: Args): Promise<unknown> {
  const clerk = await actorFor(args.username);
  switch (step) {
    case "start":
      return { reportId: await startReportAsClerk(clerk, args.year!) };
    case "save": {
      const clean = cleanReportData(args.organizationName!, args.year!, args.cells);
      const data = { ...clean, narrative: { ...clean.narrative, ...args.narrative } };
      return { version: await saveReportDataAsClerk(clerk, args.reportId!, data) };
    }
    case "submit":
      return { version: await submitReportAsClerk(clerk, args.reportId!) };
    default:
      throw new Error(`unknown step ${step}`);
  }
}

runCliStep((step, args) => run(step, args as Args));
