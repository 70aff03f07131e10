/**
 * The sweep: every exported server action and route handler under app/, found on disk, must
 * declare a policy action (defineAction, defineFormAction, defineRoute, publicationRoute),
 * be listed in lib/workflow/entry-points.ts with that same action, and have at least one
 * allowed and one refused case there, which the policy must answer as the table says. Every
 * page must declare its action through loadStaffPage / loadPublicPage (or defineImportPage,
 * app/(staff)/admin/import-page.tsx, which hands both to loadStaffPage) the same way, or be
 * listed as reading no data. Adding an entry point without all of this fails here.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { declarationOf } from "@/lib/server/entry-point";
import {
  caseActors,
  entryPoints,
  pageEntryPoints,
  pagesWithoutData,
  type EntryPointPolicy,
} from "@/lib/workflow/entry-points";
import { isOpenToEveryone, refusalOf, staffPages } from "@/lib/workflow/policy";

const root = path.resolve(import.meta.dirname, "..");
const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function filesUnder(directory: string): string[] {
  return readdirSync(path.join(root, directory), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${directory}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(relative) : [relative];
  });
}

const sources = filesUnder("app").filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file));
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const isServerActionFile = (file: string) =>
  /^(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*["']use server["']/.test(read(file));

/** The route a page file serves: route groups and `page.tsx` dropped. */
function routeOf(pageFile: string): string {
  const segments = pageFile
    .split("/")
    .slice(1, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

type Found = { key: string; declared: string | undefined };
let exported: Found[] = [];

beforeAll(async () => {
  // Importing the modules opens no connection; lib/server/env only needs the values to exist.
  process.env.DATABASE_URL ??= "postgresql://sweep@127.0.0.1:9/none";
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const found: Found[] = [];
  for (const file of sources) {
    const isRoute = file.endsWith("/route.ts");
    if (!isRoute && !isServerActionFile(file)) continue;
    const exports = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (isRoute ? !httpMethods.includes(name) : typeof value !== "function") continue;
      found.push({ key: `${file}#${name}`, declared: declarationOf(value)?.action });
    }
  }
  exported = found;
}, 60_000);

function caseProblems(key: string, policy: EntryPointPolicy): string[] {
  const problems: string[] = [];
  if (policy.allowed.length === 0) problems.push(`${key}: no allowed case`);
  if (policy.refused.length === 0 && !isOpenToEveryone(policy.action))
    problems.push(`${key}: no refused case (only actions open to everyone may have none)`);
  for (const { actor, subject } of policy.allowed) {
    const answer = refusalOf(caseActors[actor], policy.action, subject as never);
    if (answer !== null) problems.push(`${key}: ${actor} should be allowed ${policy.action}, policy says ${answer}`);
  }
  for (const { actor, subject, refusal } of policy.refused) {
    const answer = refusalOf(caseActors[actor], policy.action, subject as never);
    if (answer !== refusal)
      problems.push(
        `${key}: ${actor} should be refused ${policy.action} with ${refusal}, policy says ${answer ?? "yes"}`,
      );
  }
  return problems;
}

describe("every server action and route handler", () => {
  it("is found (the sweep sees the app's entry points)", () => {
    expect(exported.length).toBeGreaterThanOrEqual(Object.keys(entryPoints).length);
  });

  it("declares a policy action, listed with that action in lib/workflow/entry-points.ts", () => {
    const problems = exported.flatMap(({ key, declared }) => {
      if (!declared) return [`${key}: declares no policy action (use defineAction / defineRoute)`];
      const listed = entryPoints[key];
      if (!listed) return [`${key}: declares ${declared} but has no entry in lib/workflow/entry-points.ts`];
      return listed.action === declared ? [] : [`${key}: declares ${declared}, the table says ${listed.action}`];
    });
    expect(problems).toEqual([]);
  });

  it("has no entry in the table that the app no longer exports", () => {
    const keys = new Set(exported.map(({ key }) => key));
    expect(Object.keys(entryPoints).filter((key) => !keys.has(key))).toEqual([]);
  });

  it("has an allowed and a refused case, answered by the policy as listed", () => {
    expect(Object.entries(entryPoints).flatMap(([key, policy]) => caseProblems(key, policy))).toEqual([]);
  });
});

describe("every page", () => {
  const pages = sources.filter((file) => file.endsWith("/page.tsx"));

  it("declares its route and action to the page guard, as listed, or reads no data", () => {
    const problems = pages.flatMap((file) => {
      if (pagesWithoutData[file]) return [];
      const listed = pageEntryPoints[file];
      if (!listed) return [`${file}: has no entry in lib/workflow/entry-points.ts`];
      const call = /(loadStaffPage|loadPublicPage|defineImportPage)\(\{([\s\S]*?)\n\s*\}\);/.exec(read(file));
      if (!call) return [`${file}: does not load its data through loadStaffPage / loadPublicPage / defineImportPage`];
      const page = /\bpage: "([^"]+)"/.exec(call[2]!)?.[1];
      const action = /\baction: "([^"]+)"/.exec(call[2]!)?.[1];
      const problems: string[] = [];
      if (page !== routeOf(file)) problems.push(`${file}: declares page ${page}, its route is ${routeOf(file)}`);
      if (action !== listed.action) problems.push(`${file}: declares ${action}, the table says ${listed.action}`);
      if (call[1] !== "loadPublicPage" && !(routeOf(file) in staffPages))
        problems.push(`${file}: ${routeOf(file)} is not in the policy's staffPages`);
      return problems;
    });
    expect(problems).toEqual([]);
  });

  it("in the policy's staffPages exists, and the table lists only existing pages", () => {
    const routes = new Set(pages.map(routeOf));
    expect(Object.keys(staffPages).filter((route) => !routes.has(route))).toEqual([]);
    const files = new Set(pages);
    expect(
      [...Object.keys(pageEntryPoints), ...Object.keys(pagesWithoutData)].filter((file) => !files.has(file)),
    ).toEqual([]);
  });

  it("has an allowed and a refused case, answered by the policy as listed", () => {
    expect(Object.entries(pageEntryPoints).flatMap(([key, policy]) => caseProblems(key, policy))).toEqual([]);
  });
});
