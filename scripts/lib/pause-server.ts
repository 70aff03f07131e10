// Pauses a PostgreSQL server of a test's own with SIGSTOP, as a hung or overloaded server
// behaves: it accepts TCP connections and never replies. Its main process and its backends
// (each connection is a process of its own) are stopped and later continued together.
import { readdirSync, readFileSync } from "node:fs";

/** The server's main process `main` and its children. */
function serverProcesses(main: number): number[] {
  const children = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === main;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [main, ...children];
}

/** Stops the server whose main process is `main`; returns what continues it. */
export function pauseServer(main: number | undefined): () => void {
  if (main === undefined) throw new Error("the test's database server is not running");
  const paused = serverProcesses(main);
  for (const pid of paused) process.kill(pid, "SIGSTOP");
  return () => {
    for (const pid of paused) process.kill(pid, "SIGCONT");
  };
}
