/**
 * The season board journey's county in the e2e database. `seed` sets it up (see
 * lib/reports/testing/season-county.ts) and prints it as JSON; `age`, once the journey has
 * published its approved reports in the browser, moves the season past the deadline: the
 * calendar's deadline ten days ago, one publication the day before it (on time), the return
 * three days ago. Run with the `react-server` condition (server-only code), as
 * clerk-steps-cli.ts is.
 *
 *   tsx --conditions=react-server e2e/support/season-county-cli.ts seed <json spec>
 *   tsx --conditions=react-server e2e/support/season-county-cli.ts age <json>
 */
import { chinaDay, toDateColumn } from "@/lib/format/calendar-day";
import { seedSeasonCounty, type SeasonCounty, type SeasonCountySpec } from "@/lib/reports/testing/season-county";
import { db } from "@/lib/server/db";
import { runCliStep } from "./cli-step";

const DAY = 24 * 60 * 60 * 1000;

type Age = { county: SeasonCounty; year: number; onTimeUnit: string; returnedUnit: string };

async function age({ county, year, onTimeUnit, returnedUnit }: Age) {
  const now = Date.now();
  const deadline = chinaDay(new Date(now - 10 * DAY));
  await db.reportingCalendar.create({
    data: {
      countyId: county.countyId,
      year,
      opensOn: toDateColumn(`${year}-12-01`),
      unitDeadline: toDateColumn(deadline),
      countyDeadline: toDateColumn(deadline),
    },
  });
  const reportOf = (name: string) => county.units.find((unit) => unit.name === name)!.reportId!;
  await db.publication.updateMany({
    where: { reportId: reportOf(onTimeUnit) },
    data: { publishedAt: new Date(now - 11 * DAY), publicationDate: toDateColumn(chinaDay(new Date(now - 11 * DAY))) },
  });
  await db.reportRevision.updateMany({
    where: { reportId: reportOf(returnedUnit), status: "RETURNED" },
    data: { createdAt: new Date(now - 3 * DAY) },
  });
  return { deadline };
}

runCliStep((step, args) => (step === "seed" ? seedSeasonCounty(args as SeasonCountySpec) : age(args as Age)));
