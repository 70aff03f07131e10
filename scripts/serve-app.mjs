// The app's HTTP server: Next.js's own request handler (`next()`, the handler `next start` and
// `next dev` run) behind one step Next leaves out. Next keeps an X-Forwarded-For header exactly
// as the client sent it and fills in the socket's address only when the header is missing
// (next/dist/server/base-server.js), so the app could not tell a client's claim from the
// connection it really came on. Like any proxy, this server appends the address of the
// connection it accepted; lib/server/client-address.ts takes the right-most address that is
// not a trusted proxy (TRUSTED_PROXIES).
//
//   node scripts/serve-app.mjs --port 3000 [--dev]
import http from "node:http";
import path from "node:path";
import next from "next";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const isDev = args.includes("--dev");
const port = Number(args[args.indexOf("--port") + 1]);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error("用法：node scripts/serve-app.mjs --port <端口> [--dev]");
  process.exit(2);
}

const app = next({ dev: isDev, dir: root, port, ...(isDev ? { turbopack: true } : {}) });
await app.prepare();
const handle = app.getRequestHandler();

/** Appends the socket's peer as the last hop (Node joins repeated X-Forwarded-For lines with ", "). */
function appendPeer(request) {
  const peer = request.socket.remoteAddress ?? "unknown";
  const claimed = request.headers["x-forwarded-for"]?.trim();
  request.headers["x-forwarded-for"] = claimed ? `${claimed}, ${peer}` : peer;
}

// The public documents' answers the app keeps in memory (lib/publications/public-answers.ts),
// under a registered symbol; present once a public document has been served.
const publicSite = Symbol.for("nianbao.publicSite");

const server = http.createServer((request, response) => {
  // A repeated request for a published document or the catalogue is answered like a static
  // file: before Next.js, its proxy, a database query or a render. Everything else goes to
  // Next, and everything in development (where the code that rendered an answer changes).
  if (!isDev && globalThis[publicSite]?.answer(request, response)) return;
  appendPeer(request);
  handle(request, response).catch((error) => {
    console.error("[serve-app] request failed:", error);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  });
});
server.listen(port, () => console.log(`▲ 年报 ${isDev ? "开发" : "生产"}模式，监听端口 ${port}`));

// The job queue's workers (lib/jobs/run-job-workers.ts) finish the job in hand first, bounded.
const stopJobs = Symbol.for("nianbao.jobs.stop");
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    server.close();
    server.closeAllConnections();
    await Promise.race([
      globalThis[stopJobs]?.().catch(() => {}),
      new Promise((resolve) => setTimeout(resolve, 6_000)),
    ]);
    process.exit(0);
  });
}
