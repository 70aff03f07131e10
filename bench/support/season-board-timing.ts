/**
 * The board bench's timing (started by bench/board.bench.ts with the `react-server` condition,
 * DATABASE_URL set and the county written): the board of BOARD_COUNTY_ID for 2025, built in
 * this process as the app builds it, timed. Figures only.
 */
import { performance } from "node:perf_hooks";
import { buildSeasonBoard } from "@/lib/reports/get-season-board";
import { db } from "@/lib/server/db";

const BOARD_YEAR = 2025;
const RUNS = 20;
const countyId = process.argv[2]!;
const now = new Date("2026-02-05T04:00:00Z");
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
console.log(`  first build (cold pool and code): ${cold.toFixed(1)} ms`);
console.log(`  ${RUNS} builds: median ${at(0.5)} ms, p90 ${at(0.9)} ms, fastest ${times[0]!.toFixed(1)} ms`);
await db.$disconnect();
