/**
 * `npm run check -- --score <dir>` (scripts/check-report.ts): what it prints and its exit
 * status — 0 at the aims, 1 short of them, 2 for a corpus whose label does not validate.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { scoreCorpus } from "./score-corpus";
import { meetsAims } from "./score-reading";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const corpus = path.join(repoRoot, "fixtures/corpus");
const work = mkdtempSync(path.join(tmpdir(), "nianbao-corpus-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), path.join(repoRoot, "scripts/check-report.ts"), ...args],
    { cwd: repoRoot, encoding: "utf8" },
  );

describe("npm run check -- --score", () => {
  it("prints every entry and the totals, and exits 0 exactly when the corpus meets the aims", async () => {
    const result = run("--", "--score", corpus);
    const score = await scoreCorpus(corpus);
    expect(result.stdout).toContain(`合计 ${score.entries.length} 个文件`);
    for (const entry of score.entries) expect(result.stdout).toContain(entry.entry);
    expect(result.status).toBe(meetsAims(score.totals) ? 0 : 1);
  }, 120_000);

  it("refuses a corpus whose label has a row of the wrong width, naming the file, with status 2", () => {
    const broken = path.join(work, "broken");
    cpSync(path.join(corpus, "shanghai-bgt-2019"), path.join(broken, "entry"), { recursive: true });
    const labelFile = path.join(broken, "entry/label.json");
    const label = JSON.parse(readFileSync(labelFile, "utf8")) as { tables: Record<string, Record<string, unknown>> };
    label.tables.t4 = { cases: [0, 0] };
    writeFileSync(labelFile, JSON.stringify(label));
    const result = run("--score", broken);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("label.json");
    expect(result.stderr).toContain("tables.t4.cases：这一行有 15 列，标注了 2 个值");
  }, 60_000);

  it("says what it needs when the folder is missing or not given", () => {
    const missing = run("--score", path.join(work, "nowhere"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("找不到这个语料目录");
    const bare = run("--score");
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain("--score 后请写一个语料目录");
  }, 60_000);
});
