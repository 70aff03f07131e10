/**
 * What an import screen shows of a reading: the body, year and layout the reader found,
 * how much of the tables it read, what it could not read and what the rule engine says,
 * each with the place in words. Plain JSON, so a route handler can send it as is.
 * Universal and pure.
 */
import { z } from "zod";
import type { Finding } from "../rules";
import { compileLayout, getLayout } from "../template";
import { placeLabel } from "./place-label";
import type { ReadResult, ReadStatus, ReportSource } from "./types";

export interface ImportPlaceNote {
  readonly severity: "error" | "warning";
  readonly place: string;
  readonly placeLabel: string;
  readonly message: string;
}

/** In the order the import screen shows it. */
export interface ReadingSummary {
  readonly fileName: string;
  readonly status: ReadStatus;
  readonly organizationName: string;
  readonly year: number | null;
  readonly layoutId: string;
  /** 国办公开办函〔2021〕30号 … */
  readonly layoutBasis: string;
  readonly source: ReportSource;
  readonly cellsRead: number;
  readonly cellsTotal: number;
  /** What the reader could not read, or read differently from the template. */
  readonly problems: readonly ImportPlaceNote[];
  /** The rule engine's findings on what was read. */
  readonly findings: readonly ImportPlaceNote[];
}

export function summarizeReading(fileName: string, reading: ReadResult, findings: readonly Finding[]): ReadingSummary {
  const layout = getLayout(reading.layoutId);
  const { cells } = compileLayout(layout);
  return {
    fileName,
    status: reading.status,
    source: reading.source,
    layoutId: layout.id,
    layoutBasis: layout.basis,
    year: reading.year,
    organizationName: reading.organizationName,
    cellsRead: cells.filter((cell) => reading.data.cells[cell.id] !== null && reading.data.cells[cell.id] !== undefined)
      .length,
    cellsTotal: cells.length,
    problems: reading.problems.map((problem) => ({
      severity: problem.severity,
      place: problem.place,
      placeLabel: placeLabel(layout, problem.place),
      message: problem.message,
    })),
    findings: findings.map((finding) => {
      const place = finding.cellIds[0] ?? "file";
      return { severity: finding.severity, place, placeLabel: placeLabel(layout, place), message: finding.message };
    }),
  };
}

const storedPlaceNote = z.object({
  severity: z.enum(["error", "warning"]),
  place: z.string(),
  placeLabel: z.string(),
  message: z.string(),
});

const storedReadingSummary: z.ZodType<ReadingSummary> = z.object({
  fileName: z.string(),
  status: z.enum(["read", "notReport", "refused"]),
  organizationName: z.string(),
  year: z.number().int().nullable(),
  layoutId: z.string(),
  layoutBasis: z.string(),
  source: z.enum(["text", "html", "docx", "pdf"]),
  cellsRead: z.number().int(),
  cellsTotal: z.number().int(),
  problems: z.array(storedPlaceNote),
  findings: z.array(storedPlaceNote),
});

/**
 * A reading summary as stored with its import (ReportImport.reading), checked: a row the
 * current shape cannot read is an error naming the import, never a summary guessed at.
 */
export function parseReadingSummary(stored: unknown, importName: string): ReadingSummary {
  const parsed = storedReadingSummary.safeParse(stored);
  if (!parsed.success)
    throw new Error(`the stored reading of import ${importName} is not a reading summary: ${parsed.error.message}`);
  return parsed.data;
}
