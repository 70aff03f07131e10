// What every worker of a pool (create-worker-pool.ts) does before its own code: it loads
// the project's TypeScript sources through tsx, as `npm start` and `npm run check` load
// theirs, so the very same lib/ code runs in the worker under `next start` (whose bundle
// does not contain it), under vitest and on the command line. Import this module first.
import { register } from "tsx/esm/api";

register();

/**
 * Says on the task's `started` port that the work begins: the pool's time limit counts
 * from there, not from the wait in the queue.
 */
export function startTask(started) {
  started.postMessage("started");
  started.close();
}
