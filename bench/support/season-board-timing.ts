/**
 * The board bench's timing (started by bench/board.bench.ts with the `react-server` condition,
 * DATABASE_URL set and the county's id as its argument): the board of that county for 2025,
 * built in this process as the app builds it, timed (after a warm-up on 2024): the first build, which reads every
 * report's data and runs the rules, then builds again, where the findings of unchanged report
 * versions are remembered (lib/reports/get-season-board.ts); and the rule engine alone. Figures only.
 */
import { performance } from "node:perf_hooks";
import { parseReportData } from "@/lib/report-data";
import { buildSeasonBoard } from "@/lib/reports/get-season-board";
import { evaluateReport } from "@/lib/rules";
import { getLayout } from "@/lib/template";
import { db } from "@/lib/server/db";

const BOARD_YEAR = 2025;
const RUNS = 20;
const countyId = process.argv[2]!;
const now = new Date("2026-02-05T04:00:00Z");
// Warm-up: the pool's connections and the code, on the year before (other report versions, so
// nothing of 2025's findings is remembered by it).
const warmUp = performance.now();
await buildSeasonBoard(countyId, BOARD_YEAR - 1, now);
const warmUpTime = performance.now() - warmUp;
const first = performance.now();
const board = await buildSeasonBoard(countyId, BOARD_YEAR, now);
const cold = performance.now() - first;
const times: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  const started = performance.now();
  await buildSeasonBoard(countyId, BOARD_YEAR, now);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))]!.toFixed(1);
console.log(
  `board ${BOARD_YEAR}: ${board!.rows.length} rows, count line 应报 ${board!.counts.expected} · 逾期 ${board!.counts.overdue}`,
);
console.log(`  warm-up, the ${BOARD_YEAR - 1} board (cold pool and code): ${warmUpTime.toFixed(1)} ms`);
console.log(`  first build (every report's data read and its rules run): ${cold.toFixed(1)} ms`);
console.log(
  `  ${RUNS} builds again (findings of unchanged versions remembered): median ${at(0.5)} ms, p90 ${at(0.9)} ms, fastest ${times[0]!.toFixed(1)} ms`,
);

// Of which: the rule engine over this year's stored data (read and parsed beforehand).
const stored = await db.report.findMany({
  where: { year: BOARD_YEAR, organization: { parentId: countyId } },
  select: { templateId: true, data: true, organization: { select: { name: true, kind: true } } },
});
const parsed = stored.map((report) => {
  const layout = getLayout(report.templateId)!;
  const reading = parseReportData(layout, report.data);
  if (!reading.ok) throw new Error("unreadable bench data");
  return { layout, data: reading.data, organization: report.organization };
});
const rulesStarted = performance.now();
for (const report of parsed) evaluateReport({ ...report, previousYear: undefined });
console.log(
  `  of which the rule engine over ${parsed.length} reports: ${(performance.now() - rulesStarted).toFixed(1)} ms`,
);
await db.$disconnect();
