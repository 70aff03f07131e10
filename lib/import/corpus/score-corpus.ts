/**
 * Score the reader on a regression corpus: every folder under `dir` holding a `label.json`
 * is one entry (its published file, `source.json`, `label.json`, see fixtures/corpus/README.md).
 * Each file is read in the reading pool and checked as `npm run check` does, then compared
 * with its label (score-reading.ts). Server-only: node:fs.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { checkReading } from "../check-files";
import { readReportFileInWorker } from "../read-report-file";
import type { Finding } from "../../rules";
import type { ReadResult } from "../types";
import { parseCorpusLabel, parseCorpusSource, type CorpusLabel, type CorpusSource } from "./corpus-label";
import { scoreReading, totalScores, type CorpusTotals, type EntryScore } from "./score-reading";

export interface CorpusEntryScore {
  readonly entry: string;
  readonly file: string;
  readonly label: CorpusLabel;
  readonly source: CorpusSource;
  readonly reading: ReadResult;
  readonly findings: readonly Finding[];
  readonly score: EntryScore;
}

export interface CorpusScore {
  readonly dir: string;
  readonly entries: readonly CorpusEntryScore[];
  readonly totals: CorpusTotals;
}

/** A corpus whose label or source record does not validate: the scorer refuses it rather than guess. */
export class CorpusError extends Error {}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as unknown;
  } catch (error) {
    throw new CorpusError(`${path}：无法读取或不是 JSON（${error instanceof Error ? error.message : String(error)}）`);
  }
}

/** The entry folders of a corpus, in name order. */
export async function listCorpusEntries(dir: string): Promise<string[]> {
  const items = await readdir(dir, { withFileTypes: true }).catch(() => {
    throw new CorpusError(`${dir}：找不到这个语料目录`);
  });
  const entries: string[] = [];
  for (const item of items.filter((i) => i.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const inside = await readdir(join(dir, item.name));
    if (inside.includes("label.json")) entries.push(item.name);
  }
  return entries;
}

export async function scoreCorpus(dir: string): Promise<CorpusScore> {
  const entries: CorpusEntryScore[] = [];
  for (const entry of await listCorpusEntries(dir)) {
    const folder = join(dir, entry);
    const label = parseCorpusLabel(await readJson(join(folder, "label.json")));
    if (!label.ok) throw new CorpusError(`${folder}/label.json：${label.issues.join("；")}`);
    const source = parseCorpusSource(await readJson(join(folder, "source.json")));
    if (!source.ok) throw new CorpusError(`${folder}/source.json：${source.issues.join("；")}`);
    const file = join(folder, label.value.file);
    const { reading, findings } = checkReading(file, await readReportFileInWorker(file));
    entries.push({
      entry,
      file,
      label: label.value,
      source: source.value,
      reading,
      findings,
      score: scoreReading(label.value, reading, findings),
    });
  }
  if (entries.length === 0) throw new CorpusError(`${dir}：没有带 label.json 的语料条目`);
  return { dir, entries, totals: totalScores(entries.map((e) => e.score)) };
}
