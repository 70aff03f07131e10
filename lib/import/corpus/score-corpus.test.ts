/**
 * The reader against the regression corpus (fixtures/corpus): real published reports,
 * labelled by reading them. Holds the reader to the aims of issue 16: at least 99% of the
 * labelled cells read right, every labelled defect found, no error-level finding the labels
 * do not list. `npm run check -- --score fixtures/corpus` prints the same figures per file.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatCorpusScore } from "./format-corpus-score";
import { listCorpusEntries, scoreCorpus } from "./score-corpus";
import { CORPUS_AIMS, totalScores } from "./score-reading";

const corpus = fileURLToPath(new URL("../../../fixtures/corpus", import.meta.url));

describe("the regression corpus", () => {
  it("keeps every file as published: its bytes match SHA256SUMS, and every entry is listed", async () => {
    const sums = readFileSync(join(corpus, "SHA256SUMS"), "utf8").trim().split("\n");
    const listed = new Map(sums.map((line) => [line.slice(66), line.slice(0, 64)]));
    for (const [file, sum] of listed)
      expect(
        createHash("sha256")
          .update(readFileSync(join(corpus, file)))
          .digest("hex"),
        file,
      ).toBe(sum);
    const entries = await listCorpusEntries(corpus);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries)
      expect(
        [...listed.keys()].some((f) => f.startsWith(`${entry}/`)),
        entry,
      ).toBe(true);
  });

  it("reads the files as their sites published them to the aims", { timeout: 120_000 }, async () => {
    const run = await scoreCorpus(corpus);
    const report = formatCorpusScore(run);
    const published = run.entries.filter((entry) => entry.source.kind !== "derived");
    expect(published.length, report).toBeGreaterThan(0);
    const t = totalScores(published.map((entry) => entry.score));
    expect(t.cellsRight / t.cellsLabelled, report).toBeGreaterThanOrEqual(CORPUS_AIMS.cellShare);
    expect(t.defectsLabelled - t.defectsFound, report).toBe(0);
    expect(t.falseAlarms, report).toBe(0);
    // Derived copies (a .docx or PDF made here from a published page, their source says how)
    // are held to every labelled defect found, and to no fewer cells than they read when this
    // floor was last raised: the PDF is not at the aims yet (wrapped row labels in table 三),
    // and the test fails the day a change reads less of it. Raise the floor as the reader
    // improves; `npm run check -- --score fixtures/corpus` prints the figures.
    for (const entry of run.entries.filter((candidate) => candidate.source.kind === "derived")) {
      expect(entry.score.missedDefects, `${entry.entry}\n${report}`).toEqual([]);
      expect(entry.score.cellsRight, `${entry.entry}\n${report}`).toBeGreaterThanOrEqual(
        derivedCellFloor[entry.entry] ?? entry.score.cellsLabelled,
      );
    }
  });
});

/** Cells the derived copies read right at least (of 198 each); missing: all of them. */
const derivedCellFloor: Readonly<Record<string, number>> = {
  "shanghai-bgt-2019-pdf": 174,
};
