import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { env } from "@/lib/server/env";
import { securityHeaders, staticDocumentPolicy, transportSecurityFor } from "@/lib/server/security-headers";

// The finished public answers of frozen documents (a publication's page, PDF, DOCX, HTML,
// JSON, CSV; a county summary's) and of the catalogue (the home page and its searches), kept in memory so that the app's HTTP server
// (scripts/serve-app.mjs) answers a repeated request before Next.js, its proxy, a database
// query or a render: the way a static file is served.
//
// Why this is safe:
// - Only serveFrozenDocument (lib/publications/serve-publication.ts) and serveCatalogue
//   (serve-catalogue.tsx) store an answer, and only a 200 built after the policy allowed
//   publication.read / catalogue.read, for the URL's own canonical path. Nothing here decides access: it repeats an answer already given to
//   everyone (public documents read no session).
// - Anything that can change a public answer (a publication, a correction, an import
//   confirmed, a county summary, a unit renamed, moved, retired or restored) calls
//   publicSiteChanged() after its transaction, which forgets every answer at once. A render
//   that started before the change is not stored: answers carry the generation they were
//   begun in.
// - Bounded by bytes; the least recently used answers go first.
//
// The store sits on globalThis under a registered symbol: Next.js loads route handlers and
// server actions in separate bundles, and the HTTP server is outside them all; a module-level
// variable could be one copy per bundle.

/**
 * One stored answer: its validator, its body (and gzip of a text body) with the headers each
 * is sent with, made once so that a request only writes them.
 */
type StoredAnswer = {
  etag: string;
  headers: Record<string, string>;
  gzipHeaders: Record<string, string> | null;
  notModifiedHeaders: Record<string, string>;
  body: Buffer;
  gzip: Buffer | null;
  bytes: number;
};

type PublicSite = {
  generation: number;
  answers: Map<string, StoredAnswer>;
  bytes: number;
  maxBytes: number;
  /**
   * Tells the other app instances (set by whatever carries the notice between them) and
   * resolves to the public site's version it raised (null when it could not be told now).
   */
  broadcast: (() => Promise<number | null>) | null;
  /**
   * The newest public-site version this instance knows of (public_site_version: raised with
   * every notice, read at every (re)connection of the listener); null while unknown.
   */
  knownVersion: number | null;
  /** Changes made here whose notice has not yet returned the version it raised. */
  unannouncedChanges: number;
  /** Answers `request` from memory and returns true, or returns false and writes nothing. */
  answer: (request: IncomingMessage, response: ServerResponse) => boolean;
};

/** The symbol scripts/serve-app.mjs reads the store under. */
export const PUBLIC_SITE_KEY = Symbol.for("nianbao.publicSite");

/** 64 MB: a few hundred PDFs with their pages; a publication's PDF is ~100–200 KB. */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

function site(): PublicSite {
  const holder = globalThis as unknown as Record<symbol, PublicSite | undefined>;
  let state = holder[PUBLIC_SITE_KEY];
  if (!state) {
    const created: PublicSite = {
      generation: 0,
      answers: new Map(),
      bytes: 0,
      maxBytes: DEFAULT_MAX_BYTES,
      broadcast: null,
      knownVersion: null,
      unannouncedChanges: 0,
      answer: (request, response) => answerFromMemory(created, request, response),
    };
    holder[PUBLIC_SITE_KEY] = state = created;
  }
  return state;
}

/** Whether an If-None-Match header names `etag` (weak or strong), or is `*`. */
export function etagMatches(header: string | undefined | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}

function acceptsGzip(header: string | undefined): boolean {
  return header !== undefined && /\bgzip\b/i.test(header) && !/\bgzip\s*;\s*q=0(\.0*)?\s*(,|$)/i.test(header);
}

/** The longest catalogue query kept: a search form's answer is far shorter. */
const MAX_CATALOGUE_KEY = 1_024;

/**
 * What may be kept: a document's canonical path (never with a query), or the catalogue
 * (the home page) with its search query; memory is bounded by bytes either way.
 */
function isKeepable(key: string): boolean {
  if (key.startsWith("/reports/")) return !key.includes("?");
  return (key === "/" || key.startsWith("/?")) && key.length <= MAX_CATALOGUE_KEY;
}

function answerFromMemory(state: PublicSite, request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const url = request.url;
  if (!url || !isKeepable(url)) return false;
  const stored = state.answers.get(url);
  if (!stored) return false;
  // Most recently used last: eviction takes the first.
  state.answers.delete(url);
  state.answers.set(url, stored);

  if (etagMatches(request.headers["if-none-match"], stored.etag)) {
    response.writeHead(304, stored.notModifiedHeaders);
    response.end();
    return true;
  }
  const gzip = stored.gzip && stored.gzipHeaders && acceptsGzip(request.headers["accept-encoding"]);
  response.writeHead(200, gzip ? stored.gzipHeaders! : stored.headers);
  response.end(request.method === "HEAD" ? undefined : gzip ? stored.gzip! : stored.body);
  return true;
}

/** The generation a public answer is begun in; remember it with the answer. */
export function publicSiteGeneration(): number {
  return site().generation;
}

/** The headers every public document carries besides its own (next.config.ts, proxy.ts). */
function siteHeaders(): Record<string, string> {
  const headers: Record<string, string> = Object.fromEntries(securityHeaders.map(({ key, value }) => [key, value]));
  headers["Content-Security-Policy"] = staticDocumentPolicy;
  const transportSecurity = transportSecurityFor(env().APP_URL);
  if (transportSecurity) headers["Strict-Transport-Security"] = transportSecurity;
  return headers;
}

/**
 * Keeps a finished 200 answer of a public document for its canonical path (the catalogue: its
 * path and query), unless something was published or changed since `generation` (the answer
 * may be stale) or the request was not for that path exactly (a query, another spelling).
 */
export function rememberPublicAnswer(
  request: Request,
  canonicalPath: string,
  generation: number,
  answer: { etag: string; cacheControl: string; headers: Record<string, string>; body: string | Uint8Array },
): void {
  const state = site();
  if (state.generation !== generation) return;
  const url = new URL(request.url);
  if (url.pathname + url.search !== canonicalPath || !isKeepable(canonicalPath)) return;
  const body = typeof answer.body === "string" ? Buffer.from(answer.body) : Buffer.from(answer.body);
  const isText = /^(text\/|application\/json)/.test(answer.headers["Content-Type"] ?? "");
  const gzip = isText ? gzipSync(body) : null;
  const bytes = body.length + (gzip?.length ?? 0);
  if (bytes > state.maxBytes / 8) return;
  const validators = { "Cache-Control": answer.cacheControl, ETag: answer.etag };
  const common = siteHeaders();
  const headers = { ...common, ...answer.headers, ...validators, ...(isText ? { Vary: "Accept-Encoding" } : {}) };
  const stored: StoredAnswer = {
    etag: answer.etag,
    headers: { ...headers, "Content-Length": String(body.length) },
    gzipHeaders: gzip ? { ...headers, "Content-Encoding": "gzip", "Content-Length": String(gzip.length) } : null,
    notModifiedHeaders: { ...common, ...validators },
    body,
    gzip,
    bytes,
  };
  const previous = state.answers.get(canonicalPath);
  if (previous) {
    state.answers.delete(canonicalPath);
    state.bytes -= previous.bytes;
  }
  state.answers.set(canonicalPath, stored);
  state.bytes += bytes;
  for (const [key, oldest] of state.answers) {
    if (state.bytes <= state.maxBytes) break;
    state.answers.delete(key);
    state.bytes -= oldest.bytes;
  }
}

/** Forgets every answer kept in this process (what a notice from another instance calls). */
export function forgetPublicAnswers(): void {
  const state = site();
  state.generation += 1;
  state.answers.clear();
  state.bytes = 0;
}

/**
 * The one call after anything that can change what the public site answers (publishReport,
 * confirming an import, a correction, a county summary, a unit renamed, moved, retired or
 * restored): forgets every public answer here at once, then tells the other instances.
 */
export function publicSiteChanged(): void {
  forgetPublicAnswers();
  const state = site();
  if (!state.broadcast) return;
  // Until the notice returns the version it raised, this instance cannot tell a replica that
  // has this change from one that has not (publicSiteVersionRequired is null meanwhile).
  state.unannouncedChanges += 1;
  void state
    .broadcast()
    .then(notePublicSiteVersion)
    .finally(() => (state.unannouncedChanges -= 1));
}

/**
 * Sets how publicSiteChanged tells the other app instances (a PostgreSQL NOTIFY whose LISTEN
 * handler calls forgetPublicAnswers and notePublicSiteVersion); null for none.
 */
export function setPublicSiteBroadcast(broadcast: (() => Promise<number | null>) | null): void {
  site().broadcast = broadcast;
}

/**
 * Records a public-site version announced by a notice (or read from the primary when the
 * listener connected); null when the version is unknown (a notice that could not be sent),
 * which holds the public reads on the primary until a version is known again.
 */
export function notePublicSiteVersion(version: number | null): void {
  const state = site();
  state.knownVersion = version === null ? null : Math.max(state.knownVersion ?? 0, version);
}

/**
 * The lowest public-site version a read replica must hold for this instance to read the
 * public pages from it, or null when only the primary will do (no version known yet, or a
 * change made here not announced yet).
 */
export function publicSiteVersionRequired(): number | null {
  const state = site();
  return state.unannouncedChanges > 0 ? null : state.knownVersion;
}

/** The kept answers' count and bytes, and the bound (for the benchmark and tests). */
export function publicAnswerStats(): { answers: number; bytes: number; maxBytes: number } {
  const state = site();
  return { answers: state.answers.size, bytes: state.bytes, maxBytes: state.maxBytes };
}

/** Changes the bound (tests); forgets what is kept. */
export function setPublicAnswerLimit(maxBytes: number): void {
  forgetPublicAnswers();
  site().maxBytes = maxBytes;
}

/** Answers a Node request from memory (scripts/serve-app.mjs reaches it through PUBLIC_SITE_KEY). */
export function answerPublicRequest(request: IncomingMessage, response: ServerResponse): boolean {
  return site().answer(request, response);
}

/** Runs a change of what the public site shows, then publicSiteChanged() once it has committed. */
export async function changingPublicSite<T>(change: Promise<T>): Promise<T> {
  const result = await change;
  publicSiteChanged();
  return result;
}
