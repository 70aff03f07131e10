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

const importPlaceNote = z
  .object({
    severity: z.enum(["error", "warning"]),
    place: z.string(),
    placeLabel: z.string(),
    message: z.string(),
  })
  .readonly();

export type ImportPlaceNote = z.infer<typeof importPlaceNote>;

/**
 * The summary's one declaration: its type and the check of a stored one (parseReadingSummary),
 * so the two cannot drift apart. In the order the import screen shows it.
 */
const readingSummary = z
  .object({
    fileName: z.string(),
    status: z.enum(["read", "notReport", "refused"]) satisfies z.ZodType<ReadStatus>,
    organizationName: z.string(),
    year: z.number().int().nullable(),
    layoutId: z.string(),
    /** 国办公开办函〔2021〕30号 … */
    layoutBasis: z.string(),
    source: z.enum(["text", "html", "docx", "pdf"]) satisfies z.ZodType<ReportSource>,
    cellsRead: z.number().int(),
    cellsTotal: z.number().int(),
    /** What the reader could not read, or read differently from the template. */
    problems: z.array(importPlaceNote).readonly(),
    /** The rule engine's findings on what was read. */
    findings: z.array(importPlaceNote).readonly(),
  })
  .readonly();

export type ReadingSummary = z.infer<typeof readingSummary>;

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

/**
 * A reading summary as stored with its import (ReportImport.reading), checked: a row the
 * current shape cannot read is an error naming the import, never a summary guessed at.
 */
export function parseReadingSummary(stored: unknown, importName: string): ReadingSummary {
  const parsed = readingSummary.safeParse(stored);
  if (!parsed.success)
    throw new Error(`the stored reading of import ${importName} is not a reading summary: ${parsed.error.message}`);
  return parsed.data;
}
