/**
 * Every message an action's input can be refused with is zh-CN, and every text it takes
 * refuses an unpaired surrogate. The schemas are walked, not listed: each exported server
 * action under app/ (found on disk, as app/entry-points.test.ts finds them) declares its
 * input schema, and the report's value schemas are walked with them. Each field gets values
 * of the wrong kind (and the whole input does), and every issue zod reports must read as
 * Chinese: CJK text and no Latin letters, except what the message quotes back (“…”) and the
 * date pattern it names. An action added with an English message, or with a text field
 * that lets a lone surrogate through, fails here.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { draftReportSchema, submitReportSchema } from "@/lib/report-data";
import { declarationOf } from "@/lib/server/entry-point";
import { layouts } from "@/lib/template";

const root = path.resolve(import.meta.dirname, "..");

function filesUnder(directory: string): string[] {
  return readdirSync(path.join(root, directory), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${directory}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(relative) : [relative];
  });
}

const isServerActionFile = (file: string) =>
  /^(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*["']use server["']/.test(readFileSync(path.join(root, file), "utf8"));

type Walked = { name: string; schema: z.ZodType; call?: (raw: unknown) => Promise<unknown> };
let walked: Walked[] = [];

beforeAll(async () => {
  // Importing the modules opens no connection; lib/server/env only needs the values to exist.
  process.env.DATABASE_URL ??= "postgresql://messages@127.0.0.1:9/none";
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const found: Walked[] = [];
  const files = filesUnder("app").filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file));
  for (const file of files.filter(isServerActionFile)) {
    const exports = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      const declaration = declarationOf(value);
      if (declaration?.kind !== "action") continue;
      if (!declaration.input) throw new Error(`${file}#${name} declares no input schema`);
      found.push({ name: `${file}#${name}`, schema: declaration.input, call: value as Walked["call"] });
    }
  }
  for (const layout of Object.values(layouts)) {
    found.push({ name: `draftReportSchema(${layout.id})`, schema: draftReportSchema(layout) });
    found.push({ name: `submitReportSchema(${layout.id})`, schema: submitReportSchema(layout) });
  }
  walked = found;
}, 60_000);

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under its wrappers (optional, nullable, default, catch, a pipe's input). */
function unwrap(schema: z.ZodType): z.ZodType {
  for (let def = defOf(schema); ; def = defOf(schema)) {
    const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (!inner) return schema;
    schema = inner;
  }
}

/** Values of every kind but the right one, and of the right kind but out of bounds. */
const wrongValues: unknown[] = ["文字", "", "x".repeat(100_001), 1.5, -1, 0, 1e12, true, null, {}, [], ["x"]];

/** A record's key that fits any record of these schemas (cell ids, narrative ids, finding keys). */
const recordKey = "t3.r1.natural";

/** Inputs that put each wrong value at each place of the schema, the other fields left out. */
function wrongInputs(schema: z.ZodType, depth = 0): unknown[] {
  const inner = unwrap(schema);
  const def = defOf(inner);
  const inputs = [...wrongValues];
  if (depth > 3) return inputs;
  if (def.type === "object" && def.shape) {
    // Every field wrong at once, the i-th wrong input of each in the i-th object: a report's
    // few hundred cells stay a few dozen parses.
    const fields = Object.entries(def.shape).map(([key, child]) => [key, wrongInputs(child, depth + 1)] as const);
    const count = Math.max(0, ...fields.map(([, values]) => values.length));
    for (let index = 0; index < count; index += 1)
      inputs.push(Object.fromEntries(fields.map(([key, values]) => [key, values[index % values.length]])));
    inputs.push({ unexpected: 1 });
  } else if (def.type === "record" && def.valueType) {
    for (const value of wrongInputs(def.valueType, depth + 1)) inputs.push({ [recordKey]: value });
  } else if (def.type === "array" && def.element) {
    for (const value of wrongInputs(def.element, depth + 1)) inputs.push([value]);
  }
  return inputs;
}

/** The places of the schema that take a string, with an input holding `text` there alone. */
function textPlaces(schema: z.ZodType, text: string, at: string[] = []): { path: string; input: unknown }[] {
  const def = defOf(unwrap(schema));
  if (def.type === "string") return [{ path: at.join("."), input: text }];
  const nest = (key: string, child: z.ZodType) =>
    textPlaces(child, text, [...at, key]).map(({ path: place, input }) => ({ path: place, input: { [key]: input } }));
  if (def.type === "object" && def.shape) return Object.entries(def.shape).flatMap(([key, child]) => nest(key, child));
  if (def.type === "record" && def.valueType) return nest(recordKey, def.valueType);
  return [];
}

/** Latin letters a message may carry: what it quotes back of the input, and the date pattern it asks for. */
function latinLetters(message: string): string {
  return message
    .replace(/“[^”]*”/g, "")
    .replace(/YYYY-MM-DD/g, "")
    .replace(/[^A-Za-z]/g, "");
}

function problemsOf(schema: z.ZodType, inputs: unknown[]): string[] {
  const problems = new Set<string>();
  for (const input of inputs) {
    const parsed = schema.safeParse(input);
    if (parsed.success) continue;
    for (const issue of parsed.error.issues) {
      if (!/\p{Script=Han}/u.test(issue.message) || latinLetters(issue.message) !== "")
        problems.add(`${issue.path.join(".") || "(input)"} [${issue.code}]: ${issue.message}`);
    }
  }
  return [...problems];
}

describe("the messages of every action's input", () => {
  it("finds the actions and the report schemas", () => {
    const names = walked.map((each) => each.name);
    expect(names).toContain("app/(staff)/clerk/reports/[id]/actions.ts#saveDraftAction");
    expect(names).toContain("app/(public)/login/actions.ts#signInAction");
    expect(names.some((name) => name.startsWith("draftReportSchema("))).toBe(true);
  });

  it("are zh-CN for values of the wrong kind anywhere in the input", () => {
    const problems = walked.flatMap(({ name, schema }) =>
      problemsOf(schema, wrongInputs(schema)).map((problem) => `${name} ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it("reach the caller as zh-CN: the answer's message and every field's", async () => {
    // A form action fails the request on a refusal (defineFormAction): its AppError carries the message.
    vi.spyOn(console, "error").mockImplementation(() => {});
    for (const { name, call } of walked) {
      if (!call) continue;
      for (const raw of [undefined, "文字", { unexpected: 1 }, { expectedVersion: "1", reportId: 7 }]) {
        const answer = await call(raw).catch((error: Error) => ({ ok: false, message: error.message }));
        const { message, fieldErrors } = answer as { message: string; fieldErrors?: Record<string, string> };
        for (const text of [message, ...Object.values(fieldErrors ?? {})]) {
          expect(`${name}: ${text}`).toMatch(/\p{Script=Han}/u);
          expect(`${name}: ${latinLetters(text)}`).toBe(`${name}: `);
        }
      }
    }
  });

  it("refuse an unpaired surrogate in every text, saying where it is", () => {
    // saveDraft's texts are keyed by the report's own layout and checked against it
    // (lib/report-data parseReportData), walked here as the draft schema's.
    const checkedByLayout = new Set(["app/(staff)/clerk/reports/[id]/actions.ts#saveDraftAction narrative"]);
    const issuesAt = (schema: z.ZodType, input: unknown, place: string) => {
      const parsed = schema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.filter((issue) => issue.path.join(".") === place);
    };
    const missed: string[] = [];
    for (const { name, schema } of walked) {
      const plain = textPlaces(schema, "年度报告");
      textPlaces(schema, "年度\uD800报告").forEach(({ path: place, input }, index) => {
        if (checkedByLayout.has(`${name} ${place.split(".")[0]}`)) return;
        const issues = issuesAt(schema, input, place);
        // A free text (one that takes 年度报告) must say what is wrong; an id or a choice refuses it anyway.
        const isFreeText = issuesAt(schema, plain[index]!.input, place).length === 0;
        if (issues.length === 0) missed.push(`${name} ${place}: accepted`);
        else if (
          isFreeText &&
          !issues.some((issue) => issue.message.includes("第 3 个字（“年度”之后）是一个无法识别的字符"))
        )
          missed.push(`${name} ${place}: ${issues[0]!.message}`);
      });
    }
    expect(missed).toEqual([]);
  });
});
