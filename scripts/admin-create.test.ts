/**
 * `npm run admin:create -- <username> [name]` against a real, empty PostgreSQL (given by
 * DATABASE_URL, as an operator would): it creates the first system administrator with a
 * one-time password that signs in and must be replaced, and refuses a taken or malformed
 * username without creating anything.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/server/password";
import { createScriptClient } from "./lib/prisma-client";
import { startThrowawayServer, type ThrowawayServer } from "./lib/throwaway-database";

const root = path.resolve(import.meta.dirname, "..");
let server: ThrowawayServer;
let databaseUrl: string;

function adminCreate(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/admin-create.ts", "--", ...args],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8", timeout: 120_000 },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  server = await startThrowawayServer(process.env.DATABASE_URL);
  databaseUrl = await server.createDatabase(`nianbao_admin_create_${process.pid}`);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe("admin:create", () => {
  it("creates a system administrator whose one-time password signs in once and must be replaced", async () => {
    const run = adminCreate("First.Admin", "县政务公开办 管理员");
    expect(run.stderr).not.toContain("未能创建管理员");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("已创建系统管理员 first.admin。");
    const password = /一次性密码：(\S+)/.exec(run.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z2-9]{16}$/);

    const db = createScriptClient(databaseUrl);
    try {
      const user = await db.user.findUniqueOrThrow({
        where: { username: "first.admin" },
        select: { role: true, organizationId: true, mustChangePassword: true, name: true, accounts: true },
      });
      expect(user).toMatchObject({
        role: "ADMIN",
        organizationId: null,
        mustChangePassword: true,
        name: "县政务公开办 管理员",
      });
      expect(user.accounts).toHaveLength(1);
      expect(user.accounts[0]!.password).not.toContain(password!);
      expect(await verifyPassword({ hash: user.accounts[0]!.password!, password: password! })).toBe(true);
    } finally {
      await db.$disconnect();
    }
  }, 120_000);

  it("refuses a taken username, whatever its case, and a malformed one, creating nothing", async () => {
    const taken = adminCreate("FIRST.ADMIN");
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain("用户名“first.admin”已被使用");
    const malformed = adminCreate("bad name");
    expect(malformed.status).toBe(1);
    expect(malformed.stderr).toContain("用户名“bad name”无效");
    const missing = adminCreate();
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("请给出用户名");

    const db = createScriptClient(databaseUrl);
    try {
      expect(await db.user.count()).toBe(1);
    } finally {
      await db.$disconnect();
    }
  }, 120_000);
});
