import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { env } from "@/lib/server/env";
import { forgetPublicAnswers, notePublicSiteVersion, setPublicSiteBroadcast } from "./public-answers";

// Every app instance keeps the public site's answers in its own memory (public-answers.ts).
// When one instance publishes, corrects or changes a unit, the others must forget theirs at
// once, or they would go on serving the old page. PostgreSQL carries the notice: each
// instance holds one dedicated connection that LISTENs on a channel, and publicSiteChanged()
// NOTIFYs it. Notices sent while a listener is not connected are lost (PostgreSQL keeps none
// for a session that is gone), so every (re)connection also counts as a change: the instance
// forgets everything it kept. While the listener is down the kept answers are still served
// (the public site stays up while the database is), and they are forgotten as soon as it is
// back. A heartbeat finds a connection that died without closing (a paused or unreachable
// server) within about twice DATABASE_TIMEOUT_MS.
//
// A notice also raises the public site's version (the one row of public_site_version, in the
// primary, after the change committed) and carries it: an instance told of version N reads
// the public pages from a read replica only once the replica holds N (public-site-reads.ts),
// so a lagging replica cannot hand it the page from before the change.

/** The channel of the public site's notices (one per database). */
export const PUBLIC_SITE_CHANNEL = "nianbao_public_site";

export type PublicSiteNotices = {
  /**
   * Raises the public site's version and tells the other instances; resolves to that version.
   * Never rejects: a notice that cannot be sent now resolves to null and is sent as soon as
   * the listener is connected again.
   */
  notify: () => Promise<number | null>;
  /** Resolves once the first LISTEN is in place. */
  ready: Promise<void>;
  isListening: () => boolean;
  /** Closes the connection and stops reconnecting. */
  stop: () => Promise<void>;
};

export type PublicSiteNoticeOptions = {
  connectionString: string;
  /**
   * Called for another instance's notice with the version it announced, and after every
   * (re)connection with the version the primary holds then.
   */
  onChange: (version: number) => void;
  /** Longest wait for connecting and for one statement (DATABASE_TIMEOUT_MS). */
  timeoutMs: number;
  heartbeatMs?: number;
  /** Waits between reconnection attempts: the first, doubled after each failure up to the last. */
  retryMs?: { first: number; max: number };
  log?: (message: string) => void;
};

export function startPublicSiteNotices(options: PublicSiteNoticeOptions): PublicSiteNotices {
  const { connectionString, onChange, timeoutMs } = options;
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  const retry = options.retryMs ?? { first: 500, max: 30_000 };
  const log = options.log ?? ((message: string) => console.error(message));
  // A notice carries its sender, so an instance does not forget twice for its own change.
  const instanceId = randomUUID();

  let client: pg.Client | null = null;
  let isListening = false;
  let isStopped = false;
  let hasPendingNotice = false;
  let wasLost = false;
  let delay = retry.first;
  let retryTimer: NodeJS.Timeout | undefined;
  let heartbeatTimer: NodeJS.Timeout | undefined;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  function lose(lost: pg.Client, reason: string): void {
    // Errors and the end of one connection arrive more than once; the first one counts.
    if (client !== lost) return;
    const wasListening = isListening;
    wasLost = true;
    client = null;
    isListening = false;
    clearInterval(heartbeatTimer);
    lost.end().catch(() => {});
    if (isStopped) return;
    // A first attempt can time out while the server is still loading (its event loop busy).
    const what = wasListening ? "中断" : "未能建立";
    log(`[public-site] 变更通知的监听连接${what}（${reason}），${delay} ms 后重试`);
    retryTimer = setTimeout(connect, delay);
    retryTimer.unref();
    delay = Math.min(delay * 2, retry.max);
  }

  async function connect(): Promise<void> {
    if (isStopped) return;
    const next = new pg.Client({
      connectionString,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      keepAlive: true,
      application_name: "nianbao-public-site",
    });
    client = next;
    next.on("notification", (message) => {
      if (message.channel !== PUBLIC_SITE_CHANNEL) return;
      const [sender, version] = (message.payload ?? "").split(":");
      if (sender !== instanceId) onChange(Number(version) || 0);
    });
    next.on("error", (error) => lose(next, error.message));
    next.on("end", () => lose(next, "连接已关闭"));
    let version: number;
    try {
      await next.connect();
      await next.query(`LISTEN ${PUBLIC_SITE_CHANNEL}`);
      const current = await next.query<{ version: number }>(
        "SELECT coalesce(max(version), 0) AS version FROM public_site_version",
      );
      version = current.rows[0]!.version;
    } catch (error) {
      lose(next, error instanceof Error ? error.message : String(error));
      return;
    }
    if (client !== next) return;
    isListening = true;
    delay = retry.first;
    // A change made here while disconnected is announced first, so that the version told to
    // onChange includes it (a replica at the version read above may lack it).
    if (hasPendingNotice) {
      const raised = await notify();
      if (raised === null) return;
      version = raised;
    }
    // Whatever was announced while this instance was not listening is unknown: forget it all.
    onChange(version);
    if (wasLost) log("[public-site] 变更通知的监听连接已恢复，已忘记内存中保留的公开页面");
    wasLost = false;
    markReady();
    heartbeatTimer = setInterval(() => {
      next.query("SELECT 1").catch((error: unknown) => lose(next, error instanceof Error ? error.message : "无响应"));
    }, heartbeatMs);
    heartbeatTimer.unref();
  }

  async function notify(): Promise<number | null> {
    const current = client;
    if (!current || !isListening) {
      hasPendingNotice = true;
      return null;
    }
    hasPendingNotice = false;
    try {
      const raised = await current.query<{ version: number }>(
        `WITH raised AS (
           INSERT INTO public_site_version (id, version) VALUES (1, 1)
           ON CONFLICT (id) DO UPDATE SET version = public_site_version.version + 1
           RETURNING version)
         SELECT version, pg_notify($1, $2 || ':' || version) FROM raised`,
        [PUBLIC_SITE_CHANNEL, instanceId],
      );
      return raised.rows[0]!.version;
    } catch (error) {
      hasPendingNotice = true;
      lose(current, error instanceof Error ? error.message : String(error));
      return null;
    }
  }

  void connect();
  return {
    notify,
    ready,
    isListening: () => isListening,
    stop: async () => {
      isStopped = true;
      clearTimeout(retryTimer);
      clearInterval(heartbeatTimer);
      const current = client;
      client = null;
      isListening = false;
      await current?.end().catch(() => {});
    },
  };
}

/** Where the process's one listener is kept: instrumentation and the route bundles share globalThis. */
const NOTICES_KEY = Symbol.for("nianbao.publicSiteNotices");

/**
 * Starts this process's listener (once; instrumentation.ts at server start) and makes
 * publicSiteChanged() tell the other instances through it.
 */
export function listenForPublicSiteChanges(): PublicSiteNotices {
  const holder = globalThis as unknown as Record<symbol, PublicSiteNotices | undefined>;
  const existing = holder[NOTICES_KEY];
  if (existing) return existing;
  const notices = startPublicSiteNotices({
    connectionString: env().DATABASE_URL,
    timeoutMs: env().DATABASE_TIMEOUT_MS,
    onChange: (version) => {
      forgetPublicAnswers();
      notePublicSiteVersion(version);
    },
  });
  setPublicSiteBroadcast(() => notices.notify());
  holder[NOTICES_KEY] = notices;
  return notices;
}
