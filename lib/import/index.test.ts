/**
 * Boundaries: the universal entry (index.ts) must run in a browser, so
 * nothing it reaches may import a Node API or the server-only readers; and
 * the seed copies the tests read are byte for byte the published seeds.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const here = import.meta.dirname;
const repoRoot = path.resolve(here, "../..");

/** Module specifiers a file imports (static imports and re-exports). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return Array.from(source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm), (m) => m[1] ?? "");
}

function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const specifiers = importsOf(file);
    seen.set(file, specifiers);
    for (const s of specifiers) {
      if (!s.startsWith(".")) continue;
      const target = path.resolve(path.dirname(file), `${s}.ts`);
      if (existsSync(target)) visit(target);
      else if (existsSync(path.resolve(path.dirname(file), s, "index.ts")))
        visit(path.resolve(path.dirname(file), s, "index.ts"));
    }
  };
  visit(entry);
  return seen;
}

describe("lib/import/index.ts is universal", () => {
  const graph = reachable(path.join(here, "index.ts"));

  it("reaches no Node built-in and no Node-only package", () => {
    const offenders = [...graph].flatMap(([file, specifiers]) =>
      specifiers
        .filter((s) => s.startsWith("node:") || ["fs", "path", "zlib", "mammoth", "cheerio"].includes(s))
        .map((s) => `${path.relative(repoRoot, file)} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it("reaches none of the server-only readers", () => {
    const serverOnly = [
      "read-report-docx.ts",
      "extract-docx-parts.ts",
      "read-report-file.ts",
      "read-report-bytes.ts",
      "check-files.ts",
    ];
    expect([...graph.keys()].map((f) => path.basename(f)).filter((f) => serverOnly.includes(f))).toEqual([]);
  });
});

describe("fixtures/seeds-text", () => {
  const shared = path.resolve(repoRoot, "../shared/seeds");

  it.runIf(existsSync(shared))("are verbatim copies of /work/shared/seeds", () => {
    const names = readdirSync(shared)
      .filter((n) => n.endsWith(".txt"))
      .sort();
    expect(readdirSync(path.join(repoRoot, "fixtures/seeds-text")).sort()).toEqual(names);
    for (const name of names) {
      expect(
        readFileSync(path.join(repoRoot, "fixtures/seeds-text", name)).equals(readFileSync(path.join(shared, name))),
      ).toBe(true);
    }
  });
});
