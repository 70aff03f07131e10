/**
 * How well one reading of a corpus file matches its label: cells read right out of those
 * labelled, labelled defects found, and false alarms (error-level findings or reading problems
 * no labelled defect accounts for). Universal and pure: the label, the reading and the rule
 * engine's findings in, the score out.
 */
import type { OrganizationKind } from "../../report-data";
import type { Finding } from "../../rules";
import type { CellId } from "../../template";
import type { ReadResult } from "../types";
import { labelledCells, type CorpusDefect, type CorpusLabel } from "./corpus-label";

/** The aims (issue 16): the corpus test and `--score` hold the reader to them. */
export const CORPUS_AIMS = { cellShare: 0.99, missedDefects: 0, falseAlarms: 0 } as const;

export interface CellMiss {
  readonly cellId: CellId;
  readonly expected: number | null;
  readonly actual: number | null;
}

/** A finding or a reading problem, as the scorer compares them with the label's defects. */
export interface Signal {
  readonly from: "finding" | "problem";
  readonly id: string;
  readonly severity: "error" | "warning";
  readonly places: readonly string[];
  readonly message: string;
}

/** What a file's score and the corpus totals both count; the totals add up the files'. */
export interface ScoreCounts {
  readonly cellsLabelled: number;
  readonly cellsRight: number;
  readonly defectsLabelled: number;
  readonly defectsFound: number;
}

export interface EntryScore extends ScoreCounts {
  readonly cellMisses: readonly CellMiss[];
  readonly missedDefects: readonly CorpusDefect[];
  readonly falseAlarms: readonly Signal[];
  /**
   * Whether the reader read each fact of the file as the label gives it (for the kind, null =
   * "unknown" is right only where the label says so).
   */
  readonly right: Readonly<Record<"layout" | "year" | "organization" | "kind", boolean>>;
  readonly readKind: OrganizationKind | null;
}

const sameValue = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) < 1e-6;

/** `place` names `wanted` or something inside it (`t3.r1` holds `t3.r1.natural`). */
const placeWithin = (place: string, wanted: string): boolean => place === wanted || place.startsWith(`${wanted}.`);

function explains(defect: CorpusDefect, signal: Signal): boolean {
  if (!defect.accepts.some((id) => signal.id === id || signal.id.startsWith(id))) return false;
  if (defect.places.length === 0) return true;
  return signal.places.some((place) => defect.places.some((wanted) => placeWithin(place, wanted)));
}

export function signalsOf(reading: ReadResult, findings: readonly Finding[]): Signal[] {
  return [
    ...findings.map((f): Signal => ({
      from: "finding",
      id: f.ruleId,
      severity: f.severity,
      places: f.cellIds,
      message: f.message,
    })),
    ...reading.problems.map((p): Signal => ({
      from: "problem",
      id: p.code,
      severity: p.severity,
      places: [p.place],
      message: p.message,
    })),
  ];
}

const compact = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");

export function scoreReading(label: CorpusLabel, reading: ReadResult, findings: readonly Finding[]): EntryScore {
  const expected = labelledCells(label);
  const cellMisses: CellMiss[] = [];
  for (const [cellId, want] of expected) {
    // A file that was not read has read nothing right, not even its blank cells.
    if (reading.status !== "read") {
      cellMisses.push({ cellId, expected: want, actual: null });
      continue;
    }
    const got = reading.data.cells[cellId] ?? null;
    if (!sameValue(want, got)) cellMisses.push({ cellId, expected: want, actual: got });
  }
  const signals = signalsOf(reading, findings);
  const missedDefects = label.defects.filter((d) => !signals.some((s) => explains(d, s)));
  const falseAlarms = signals.filter((s) => s.severity === "error" && !label.defects.some((d) => explains(d, s)));
  const readName = compact(reading.organizationName);
  const wantName = compact(label.organization);
  return {
    cellsLabelled: expected.size,
    cellsRight: expected.size - cellMisses.length,
    cellMisses,
    defectsLabelled: label.defects.length,
    defectsFound: label.defects.length - missedDefects.length,
    missedDefects,
    falseAlarms,
    right: {
      layout: reading.status === "read" && reading.layoutId === label.layoutId,
      year: reading.year === label.year,
      organization: readName !== "" && (readName.includes(wantName) || wantName.includes(readName)),
      kind: reading.organizationKind === label.organizationKind,
    },
    readKind: reading.organizationKind,
  };
}

export interface CorpusTotals extends ScoreCounts {
  readonly entries: number;
  readonly falseAlarms: number;
}

export function totalScores(scores: readonly EntryScore[]): CorpusTotals {
  const sum = (pick: (s: EntryScore) => number) => scores.reduce((n, s) => n + pick(s), 0);
  return {
    entries: scores.length,
    cellsLabelled: sum((s) => s.cellsLabelled),
    cellsRight: sum((s) => s.cellsRight),
    defectsLabelled: sum((s) => s.defectsLabelled),
    defectsFound: sum((s) => s.defectsFound),
    falseAlarms: sum((s) => s.falseAlarms.length),
  };
}

/** Whether the totals reach the aims. */
export function meetsAims(totals: CorpusTotals): boolean {
  const share = totals.cellsLabelled === 0 ? 0 : totals.cellsRight / totals.cellsLabelled;
  return (
    share >= CORPUS_AIMS.cellShare &&
    totals.defectsLabelled - totals.defectsFound <= CORPUS_AIMS.missedDefects &&
    totals.falseAlarms <= CORPUS_AIMS.falseAlarms
  );
}
