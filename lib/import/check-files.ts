/**
 * Read report files and run the shared rule engine on each: what
 * `npm run check -- <file>...` does, kept out of the script so it can be
 * tested. Server-only (reads files, in the reading pool: the same limits as uploads).
 */
import type { OrganizationKind } from "../report-data";
import { evaluateReport, type Finding } from "../rules";
import { getLayout } from "../template";
import { readReportFileInWorker } from "./read-report-file";
import type { ReadResult } from "./types";

export interface FileCheck {
  readonly file: string;
  readonly reading: ReadResult;
  /** The rule engine's findings; empty when the file could not be read. */
  readonly findings: readonly Finding[];
}

/** 0: no errors; 1: an error-severity finding or reading problem; 2: a file could not be read. */
export type ExitCode = 0 | 1 | 2;

export interface CheckRun {
  readonly files: readonly FileCheck[];
  readonly exitCode: ExitCode;
}

/** What the person checking says of the files (npm run check -- --kind 镇): over the name's guess. */
export interface CheckOptions {
  readonly kind?: OrganizationKind;
}

export function checkReading(file: string, reading: ReadResult, options: CheckOptions = {}): FileCheck {
  if (reading.status !== "read") return { file, reading, findings: [] };
  if (options.kind) reading = { ...reading, organizationKind: options.kind };
  const organization = reading.organizationKind
    ? { name: reading.organizationName, kind: reading.organizationKind }
    : undefined;
  const findings = evaluateReport({ data: reading.data, layout: getLayout(reading.layoutId), organization });
  return { file, reading, findings };
}

export function exitCodeOf(files: readonly FileCheck[]): ExitCode {
  if (files.some((f) => f.reading.status !== "read")) return 2;
  const hasError = files.some(
    (f) => f.findings.some((x) => x.severity === "error") || f.reading.problems.some((p) => p.severity === "error"),
  );
  return hasError ? 1 : 0;
}

export async function checkFiles(paths: readonly string[], options: CheckOptions = {}): Promise<CheckRun> {
  const files: FileCheck[] = [];
  for (const file of paths) files.push(checkReading(file, await readReportFileInWorker(file), options));
  return { files, exitCode: exitCodeOf(files) };
}
