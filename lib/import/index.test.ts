/**
 * Boundaries: the universal entry (index.ts) must run in a browser, so
 * nothing it reaches may import a Node API or the server-only readers; and
 * the seed copies the tests read are byte for byte the published seeds, whose
 * SHA-256 sums were recorded in fixtures/seeds-text/SHA256SUMS when they were copied.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const here = import.meta.dirname;
const repoRoot = path.resolve(here, "../..");

/** Module specifiers a file imports (static imports and re-exports), whatever quote style. */
function importsOf(source: string): string[] {
  return Array.from(source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm), (m) => m[1] ?? "");
}

/** The file a specifier names: relative, or `@/` from the repository root; undefined for packages. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/")
    ? path.join(repoRoot, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : undefined;
  if (!base) return undefined;
  return [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((candidate) => existsSync(candidate));
}

function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const specifiers = importsOf(readFileSync(file, "utf8"));
    seen.set(file, specifiers);
    for (const s of specifiers) {
      const target = resolveSpecifier(file, s);
      if (target) visit(target);
    }
  };
  visit(entry);
  return seen;
}

describe("importsOf", () => {
  it("reads both quote styles, so the walk below cannot silently reach nothing", () => {
    expect(importsOf(`import { a } from "./a";\nimport type { B } from './b';\nexport * from "@/lib/c";`)).toEqual([
      "./a",
      "./b",
      "@/lib/c",
    ]);
  });
});

describe("lib/import/index.ts is universal", () => {
  const graph = reachable(path.join(here, "index.ts"));

  it("reaches no Node built-in and no Node-only package", () => {
    expect(graph.size).toBeGreaterThan(10);
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
      "read-zip-part.ts",
      "read-report-file.ts",
      "read-report-bytes.ts",
      "check-files.ts",
    ];
    expect([...graph.keys()].map((f) => path.basename(f)).filter((f) => serverOnly.includes(f))).toEqual([]);
  });
});

describe("fixtures/seeds-text", () => {
  const folder = path.join(repoRoot, "fixtures/seeds-text");
  const recorded = readFileSync(path.join(folder, "SHA256SUMS"), "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split(/\s+/) as [string, string]);

  it("are the published seeds byte for byte (their recorded SHA-256)", () => {
    const names = readdirSync(folder)
      .filter((n) => n.endsWith(".txt"))
      .sort();
    expect(names).toEqual(recorded.map(([, name]) => name).sort());
    for (const [sum, name] of recorded) {
      expect(
        createHash("sha256")
          .update(readFileSync(path.join(folder, name)))
          .digest("hex"),
        name,
      ).toBe(sum);
    }
  });
});
