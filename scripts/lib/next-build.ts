// Builds the Next.js app when the sources changed since the last build, so `npm start`
// on a fresh clone builds once and later starts are quick.
import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const sourceRoots = [
  "app",
  "pages",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "proxy.ts",
  "instrumentation.ts",
  "package-lock.json",
  "tsconfig.json",
  "prisma/schema.prisma",
];
const stampFile = path.join(root, ".next", "nianbao-source-hash");

async function listFiles(entry: string): Promise<string[]> {
  const full = path.join(root, entry);
  const stat = await fs.stat(full).catch(() => null);
  if (!stat) return [];
  if (stat.isFile()) return [full];
  const entries = await fs.readdir(full, { recursive: true, withFileTypes: true });
  return entries
    .filter((item) => item.isFile() && !item.name.endsWith(".test.ts") && !item.name.endsWith(".test.tsx"))
    .map((item) => path.join(item.parentPath, item.name));
}

/** A hash over the paths, sizes and modification times of everything the build reads. */
export async function sourceHash(): Promise<string> {
  const files = (await Promise.all(sourceRoots.map(listFiles))).flat().sort();
  const hash = createHash("sha256");
  for (const file of files) {
    if (file.includes(`${path.sep}generated${path.sep}`)) continue;
    const stat = await fs.stat(file);
    hash.update(`${path.relative(root, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

export async function isBuildCurrent(): Promise<boolean> {
  const [stamp, buildId] = await Promise.all([
    fs.readFile(stampFile, "utf8").catch(() => ""),
    fs.readFile(path.join(root, ".next", "BUILD_ID"), "utf8").catch(() => ""),
  ]);
  return buildId !== "" && stamp === (await sourceHash());
}

export async function buildApp(env: NodeJS.ProcessEnv): Promise<void> {
  const hash = await sourceHash();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: root,
      env,
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`next build 失败（退出码 ${code}）`))));
  });
  await fs.writeFile(stampFile, hash);
}

/**
 * The build a throw-away production server needs (the browser tests, the benches): made again
 * only when the sources changed since the last one.
 */
export async function buildIfChanged(databaseUrl: string, authSecret: string): Promise<void> {
  if (await isBuildCurrent()) return;
  console.log("building the app (sources changed since the last build)…");
  await buildApp({
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    NEXT_TELEMETRY_DISABLED: "1",
  });
}
