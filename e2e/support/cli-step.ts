/**
 * The command line of the support scripts that run server code for the browser journeys
 * (clerk-steps-cli.ts, season-county-cli.ts): `<step> <json args>`. Prints the step's result
 * as JSON on stdout; a failure is printed on stderr and exits with 1. Either way the
 * database pool is closed, so the process ends.
 */
import { db } from "@/lib/server/db";

export function runCliStep(run: (step: string, args: unknown) => Promise<unknown>): void {
  const [step, json] = process.argv.slice(2);
  run(step!, JSON.parse(json ?? "{}"))
    .then(async (result) => {
      process.stdout.write(JSON.stringify(result));
      await db.$disconnect();
    })
    .catch(async (error: unknown) => {
      console.error(error);
      await db.$disconnect();
      process.exit(1);
    });
}
