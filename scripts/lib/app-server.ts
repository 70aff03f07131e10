// Starts the built app (scripts/serve-app.mjs, Next's production server) for the browser
// tests and benchmarks, against a database the caller prepared.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** Waits until the app answers /api/health; throws if its process exits or time runs out. */
export async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`应用进程已退出（退出码 ${child.exitCode}）`);
    const isUp = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (isUp) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`应用在 ${timeoutMs / 1000} 秒内未就绪`);
}

export type AppServer = { url: string; port: number; process: ChildProcess; stop: () => Promise<void> };

export async function startAppServer(options: {
  port: number;
  databaseUrl: string;
  authSecret: string;
  quiet?: boolean;
  /** More settings, or other values for the ones above (APP_URL, TRUSTED_PROXIES…). */
  environment?: Record<string, string>;
  /** Options for Node itself, before the script (--cpu-prof, which NODE_OPTIONS does not take). */
  nodeArguments?: string[];
}): Promise<AppServer> {
  const url = `http://localhost:${options.port}`;
  const script = [path.join(root, "scripts/serve-app.mjs"), "--port", String(options.port)];
  const child = spawn(process.execPath, [...(options.nodeArguments ?? []), ...script], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: options.authSecret,
      APP_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.environment,
    },
    stdio: ["ignore", options.quiet ? "ignore" : "inherit", "inherit"],
  });
  await waitForHealth(url, child, 60_000);
  return {
    url,
    port: options.port,
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("close", resolve));
    },
  };
}
