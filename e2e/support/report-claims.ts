import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "@playwright/test";

// Two spec files run side by side (two workers), and a helper that makes a clerk's report for a
// year first deletes whatever that clerk has for the year. Two files using the same clerk and
// year therefore delete each other's report now and then, depending on timing. Each file claims
// the (clerk, year) pairs it uses; a second file claiming one fails at once, every run.
const claimsFolder = path.join(os.tmpdir(), `nianbao-e2e-${process.env.E2E_PORT ?? 3210}-report-claims`);

/** Forgets the previous run's claims (global setup). */
export async function resetReportClaims(): Promise<void> {
  await fs.rm(claimsFolder, { recursive: true, force: true });
  await fs.mkdir(claimsFolder, { recursive: true, mode: 0o700 });
}

/** Claims `username`'s report for `year` for the spec file of the running test. */
export async function claimReport(username: string, year: number): Promise<void> {
  const spec = path.basename(test.info().file);
  const claim = path.join(claimsFolder, `${username}-${year}`);
  try {
    await fs.writeFile(claim, spec, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const owner = await fs.readFile(claim, "utf8");
    if (owner !== spec)
      throw new Error(
        `${spec} uses ${username}'s ${year} report, which ${owner} uses too: the two files run in parallel and ` +
          "would delete each other's report. Pick another clerk or year.",
      );
  }
}
