// Runs PostgreSQL's own pg_dump, compiled to WebAssembly by @electric-sql/pglite-tools, in a
// worker thread of wasm-pg-dump.ts. pg_dump is a synchronous program: each write it makes is
// handed to the parent thread, which sends it to the server, and this thread sleeps
// (Atomics.wait) until the parent has the server's whole answer in the shared buffer.
// pglite-tools drives pg_dump through a PGlite instance's execProtocolRawStream; `connection`
// stands in for it, speaking to a real server through the parent.
import { parentPort, workerData } from "node:worker_threads";
import { pgDump } from "@electric-sql/pglite-tools/pg_dump";

/** @type {{ shared: SharedArrayBuffer, args: string[] }} */
const { shared, args } = workerData;
// [0] 1 when the parent has put a chunk in, [1] its length, [2] 1 when more chunks follow.
const header = new Int32Array(shared, 0, 3);
const chunk = new Uint8Array(shared, 12);

function exchange(bytes) {
  const parts = [];
  Atomics.store(header, 0, 0);
  parentPort.postMessage({ kind: "write", bytes: Uint8Array.from(bytes) });
  for (;;) {
    Atomics.wait(header, 0, 0);
    parts.push(chunk.slice(0, header[1]));
    if (header[2] === 0) break;
    Atomics.store(header, 0, 0);
    parentPort.postMessage({ kind: "next" });
  }
  return Buffer.concat(parts);
}

const connection = {
  execProtocolRawStream(bytes, { onRawData }) {
    const answer = exchange(bytes);
    if (answer.length > 0) onRawData(new Uint8Array(answer));
  },
  // pglite-tools reads and afterwards restores the search_path of the PGlite session it shares
  // with its caller, and deallocates the statements pg_dump prepared there. pg_dump here has a
  // server session of its own, which ends with it: nothing to restore.
  query: async () => ({ rows: [{ search_path: "public" }] }),
  exec: async () => [],
};

try {
  const file = await pgDump({ pg: connection, args });
  const dump = new Uint8Array(await file.arrayBuffer());
  parentPort.postMessage({ kind: "done", dump }, [dump.buffer]);
} catch (error) {
  parentPort.postMessage({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
}
