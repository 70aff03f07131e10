/**
 * CPU time of processes (Linux /proc) and where a Node CPU profile spent its time, for the
 * peak bench (bench/peak.bench.ts): which process is busy, and on what.
 */
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // After the command name in parentheses: state, ppid, … (proc(5)).
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** The processes below `pid`, at any depth (PostgreSQL's backends, the app's workers). */
export function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields) parents.set(Number(entry), Number(fields[1]));
  }
  const found: number[] = [];
  const pending = [pid];
  for (let current = pending.pop(); current !== undefined; current = pending.pop())
    for (const [child, parent] of parents)
      if (parent === current) {
        found.push(child);
        pending.push(child);
      }
  return found;
}

/**
 * User + system CPU seconds a process and everything below it used so far: its own, its
 * live descendants' and, through the kernel's cutime/cstime, those of children that exited
 * and were waited for (PostgreSQL's backends come and go).
 */
export function treeCpuSeconds(pid: number): number {
  let ticks = 0;
  for (const each of [pid, ...descendantsOf(pid)]) {
    const fields = statFields(each);
    // utime, stime, cutime, cstime are fields 14–17 of proc(5); here counted from the state (field 3).
    if (fields) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return ticks / TICKS_PER_SECOND;
}

/**
 * User + system CPU seconds of this process's children that exited and were waited for
 * (cutime, cstime): what a load generator run as a child used, read after it exited.
 */
export function reapedChildrenCpuSeconds(): number {
  const fields = statFields(process.pid);
  return fields ? (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND : 0;
}

/**
 * Waits until a process tree uses less than `belowCores` over a half-second window (at most
 * `timeoutMs`), and returns the seconds waited: a server that just started may still be
 * warming up (the app's render pool renders a sample report on its own thread).
 */
export async function waitUntilIdle(pid: number, belowCores = 0.1, timeoutMs = 30_000): Promise<number> {
  const windowMs = 500;
  const start = performance.now();
  let before = treeCpuSeconds(pid);
  while (performance.now() - start < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = treeCpuSeconds(pid);
    if ((now - before) / (windowMs / 1000) < belowCores) break;
    before = now;
  }
  return (performance.now() - start) / 1000;
}

/** CPU seconds the whole machine was busy so far (all cores; /proc/stat, idle and iowait left out). */
export function machineCpuSeconds(): number {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8")
    .split("\n")[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user! + nice! + system! + irq! + softirq! + (steal ?? 0)) / TICKS_PER_SECOND;
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string }; children?: number[] };
type Profile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

/** Where a sample's time goes: a package under node_modules, the app's own code, or Node's. */
function placeOf(frame: ProfileNode["callFrame"]): string {
  if (!frame.url) return frame.functionName.startsWith("(") ? frame.functionName : "(native)";
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (inModules) return inModules[1]!;
  if (frame.url.startsWith("node:")) return "node internals";
  if (/\.next\/server\/chunks\//.test(frame.url)) return "app bundle (.next/server/chunks)";
  return frame.url.replace(/^file:\/\//, "").replace(/.*\/(\.next\/|scripts\/)/, "$1");
}

/**
 * The share of the profile's samples by place (the function on top of the stack: self time),
 * over the wall-clock window given (ms since the epoch). The profile's clock is monotonic, so
 * the window is placed back from the profile's end, the moment the process exited.
 */
export function summarizeCpuProfile(
  file: string,
  window: { start: number; end: number; exitedAt: number },
  top = 15,
): string[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const times: number[] = [];
  let at = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((at += delta));
  // The profile ends when the process exits, shortly after the window: align ends.
  const lastTime = times.at(-1) ?? profile.startTime;
  const toProfileTime = (epochMs: number) => lastTime - (window.exitedAt - epochMs) * 1000;
  const from = toProfileTime(window.start);
  const to = toProfileTime(window.end);
  const share = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const time = times[index]!;
    if (time < from || time > to) return;
    const place = placeOf(byId.get(id)!.callFrame);
    share.set(place, (share.get(place) ?? 0) + 1);
    total += 1;
  });
  if (total === 0) return ["no samples in the window"];
  return [...share]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([place, count]) => `${((count / total) * 100).toFixed(1).padStart(5)}%  ${place}`);
}
