/**
 * Account administration against a real PostgreSQL, real Better Auth and real argon2: what a
 * system administrator and a county administrator may do, in their own county and in
 * another, and that a refusal changes nothing. Demo world: 阳城县 (董封乡, 凤城镇 …) and 盐池县.
 */
import { describe, expect, it } from "vitest";
import { createAccountInput } from "@/lib/account-data/account-fields";
import { failureOf, setUpReviewDatabase } from "@/lib/reports/testing/review-database";
import type { Actor } from "@/lib/workflow/policy";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-organizations";

const m = setUpReviewDatabase("nianbao_accounts", () =>
  Promise.all([
    import("@/lib/server/sign-in"),
    import("@/lib/server/password"),
    import("./create-account"),
    import("./reset-password"),
    import("./disable-account"),
    import("./enable-account"),
    import("./change-account"),
    import("./change-own-password"),
    import("./list-accounts"),
    import("./list-audit-events"),
    import("./list-administered-units"),
    import("./get-account"),
  ]),
);

const actorFor = (username: string) => m.steps.actorFor(username);

const unitId = (name: string) => m.steps.organizationIdNamed(name);

async function userId(username: string): Promise<string> {
  return (await m.db.user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id;
}

/** Everything an account operation could change, to show a refusal changed nothing. */
async function snapshot() {
  const [users, accounts, sessions, events] = await Promise.all([
    m.db.user.findMany({ orderBy: { id: "asc" } }),
    m.db.account.findMany({ orderBy: { id: "asc" } }),
    m.db.session.count(),
    m.db.auditEvent.count(),
  ]);
  return { users, accounts, sessions, events };
}

async function openSession(username: string): Promise<string> {
  const id = crypto.randomUUID();
  await m.db.session.create({
    data: {
      id,
      token: crypto.randomUUID(),
      userId: await userId(username),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return id;
}

function input(fields: Partial<Record<"username" | "name" | "organizationId" | "role" | "phone", string>>) {
  return createAccountInput.parse({ name: "测试 用户", role: "CLERK", organizationId: "", phone: "", ...fields });
}

/** A county administrator of 阳城县, created by the system administrator and signed in once. */
async function yangchengAdmin(username = "yangcheng-admin"): Promise<NonNullable<Actor>> {
  const existing = await m.db.user.findUnique({ where: { username } });
  if (!existing) {
    await m.createAccount(
      await actorFor("admin"),
      input({ username, name: "阳城县 管理员", role: "COUNTY_ADMIN", organizationId: await unitId("阳城县") }),
    );
    await m.db.user.update({ where: { username }, data: { mustChangePassword: false } });
  }
  return actorFor(username);
}

describe("the system administrator", () => {
  it("creates a county administrator with an initial password that is shown once, stored only as a hash", async () => {
    const admin = await actorFor("admin");
    const created = await m.createAccount(
      admin,
      input({
        username: "Yangcheng-Admin2",
        name: "阳城县 管理员二",
        role: "COUNTY_ADMIN",
        organizationId: await unitId("阳城县"),
      }),
    );
    expect(created.username).toBe("yangcheng-admin2");
    expect(created.initialPassword).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
    const user = await m.db.user.findUniqueOrThrow({
      where: { username: "yangcheng-admin2" },
      include: { accounts: true, organization: true },
    });
    expect(user).toMatchObject({ role: "COUNTY_ADMIN", mustChangePassword: true, disabledAt: null });
    expect(user.organization?.name).toBe("阳城县");
    const hash = user.accounts[0]!.password!;
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=47104,t=1,p=1\$/);
    expect(hash).not.toContain(created.initialPassword);
    expect(await m.verifyPassword({ hash, password: created.initialPassword })).toBe(true);
    const event = await m.db.auditEvent.findFirstOrThrow({ where: { subjectUserId: user.id } });
    expect(event).toMatchObject({
      action: "account.create",
      actorId: admin.userId,
      organizationId: user.organizationId,
    });
    expect(JSON.stringify(event.detail)).not.toContain(created.initialPassword);
  });

  it("signs the new account in, home being the password page until a password of its own is chosen", async () => {
    const admin = await actorFor("admin");
    const created = await m.createAccount(
      admin,
      input({ username: "new-clerk-home", organizationId: await unitId("董封乡人民政府") }),
    );
    const result = await m.signIn({
      username: "new-clerk-home",
      password: created.initialPassword,
      address: "198.51.100.20",
      requestHeaders: new Headers(),
    });
    expect(result.home).toBe("/account/password");
  });

  it("refuses a system administrator placed in a unit, and a reviewer placed below the county", async () => {
    const admin = await actorFor("admin");
    const before = await snapshot();
    const inUnit = await failureOf(
      m.createAccount(
        admin,
        input({ username: "admin-in-unit", role: "ADMIN", organizationId: await unitId("阳城县") }),
      ),
    );
    expect(inUnit.details).toEqual({ fieldErrors: { organizationId: expect.stringContaining("系统管理员") } });
    const reviewer = await failureOf(
      m.createAccount(
        admin,
        input({ username: "low-reviewer", role: "REVIEWER", organizationId: await unitId("董封乡人民政府") }),
      ),
    );
    expect(reviewer.details).toEqual({ fieldErrors: { organizationId: expect.stringContaining("县（区）本级") } });
    const noUnit = await failureOf(m.createAccount(admin, input({ username: "clerk-nowhere" })));
    expect(noUnit.details).toEqual({ fieldErrors: { organizationId: "请选择单位" } });
    const missing = await failureOf(
      m.createAccount(admin, input({ username: "clerk-missing", organizationId: crypto.randomUUID() })),
    );
    expect(missing.details).toEqual({ fieldErrors: { organizationId: expect.stringContaining("找不到该单位") } });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a username that is taken, whatever its case, with the message at the field", async () => {
    const admin = await actorFor("admin");
    const before = await snapshot();
    const taken = await failureOf(
      m.createAccount(admin, input({ username: "DongFeng", organizationId: await unitId("董封乡人民政府") })),
    );
    expect(taken.code).toBe("INVALID_INPUT");
    expect(taken.details).toEqual({ fieldErrors: { username: "用户名 dongfeng 已被使用，请换一个" } });
    // Two administrators at once: one account, one refusal.
    const organizationId = await unitId("凤城镇人民政府");
    const results = await Promise.allSettled([
      m.createAccount(admin, input({ username: "race-clerk", organizationId })),
      m.createAccount(admin, input({ username: "race-clerk", organizationId })),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await m.db.user.count({ where: { username: "race-clerk" } })).toBe(1);
    expect((await snapshot()).users.length).toBe(before.users.length + 1);
  });
});

describe("a county administrator", () => {
  it("creates clerk, reviewer and county administrator accounts in its own county", async () => {
    const countyAdmin = await yangchengAdmin();
    const clerk = await m.createAccount(
      countyAdmin,
      input({ username: "dongfeng-2", organizationId: await unitId("董封乡人民政府") }),
    );
    const reviewer = await m.createAccount(
      countyAdmin,
      input({ username: "yangcheng-review-2", role: "REVIEWER", organizationId: await unitId("阳城县") }),
    );
    const peer = await m.createAccount(
      countyAdmin,
      input({ username: "yangcheng-admin-3", role: "COUNTY_ADMIN", organizationId: await unitId("阳城县") }),
    );
    expect([clerk.username, reviewer.username, peer.username]).toEqual([
      "dongfeng-2",
      "yangcheng-review-2",
      "yangcheng-admin-3",
    ]);
  });

  it("cannot create an account outside its subtree, nor a system administrator; nothing changes", async () => {
    const countyAdmin = await yangchengAdmin();
    const before = await snapshot();
    const elsewhere = await failureOf(
      m.createAccount(
        countyAdmin,
        input({ username: "yanchi-clerk", organizationId: await unitId("盐池县王乐井乡人民政府") }),
      ),
    );
    expect(elsewhere.code).toBe("NOT_FOUND");
    expect(elsewhere.userMessage).toBe("找不到该单位，请从列表中选择。");
    const systemAdmin = await failureOf(m.createAccount(countyAdmin, input({ username: "boss", role: "ADMIN" })));
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(systemAdmin.code);
    const systemAdminInCounty = await failureOf(
      m.createAccount(countyAdmin, input({ username: "boss", role: "ADMIN", organizationId: await unitId("阳城县") })),
    );
    expect(systemAdminInCounty.code).toBe("FORBIDDEN");
    const otherCounty = await failureOf(
      m.createAccount(
        countyAdmin,
        input({ username: "yanchi-admin", role: "COUNTY_ADMIN", organizationId: await unitId("盐池县") }),
      ),
    );
    expect(otherCounty.code).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });

  it("cannot reset, disable, enable, change or read accounts of another county or the system administrator", async () => {
    const countyAdmin = await yangchengAdmin();
    const before = await snapshot();
    for (const username of ["yanchi-review", "wangyuejing", "admin"]) {
      const id = await userId(username);
      expect((await failureOf(m.resetPassword(countyAdmin, id))).code).toBe("NOT_FOUND");
      expect((await failureOf(m.disableAccount(countyAdmin, id))).code).toBe("NOT_FOUND");
      expect((await failureOf(m.enableAccount(countyAdmin, id))).code).toBe("NOT_FOUND");
      expect((await failureOf(m.getAccount(countyAdmin, id))).code).toBe("NOT_FOUND");
      const change = await failureOf(
        m.changeAccount(countyAdmin, {
          userId: id,
          name: "改名",
          organizationId: await unitId("董封乡人民政府"),
          role: "CLERK",
          phone: null,
        }),
      );
      expect(change.code).toBe("NOT_FOUND");
    }
    // An id that does not exist is answered the same way.
    expect((await failureOf(m.resetPassword(countyAdmin, crypto.randomUUID()))).code).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });

  it("cannot move an account of its county out of it, nor make it a system administrator", async () => {
    const countyAdmin = await yangchengAdmin();
    const before = await snapshot();
    const id = await userId("beiliu");
    const refusalOf = async (organizationId: string | null, role: "CLERK" | "ADMIN") =>
      (
        await failureOf(
          m.changeAccount(countyAdmin, { userId: id, name: "北留镇 填报员", organizationId, role, phone: null }),
        )
      ).code;
    expect(await refusalOf(await unitId("盐池县花马池镇人民政府"), "CLERK")).toBe("NOT_FOUND");
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(await refusalOf(null, "ADMIN"));
    expect(await snapshot()).toEqual(before);
  });

  it("cannot escalate itself: its own account is not its to change, disable or reset", async () => {
    const countyAdmin = await yangchengAdmin();
    const before = await snapshot();
    const self = countyAdmin.userId;
    for (const role of ["ADMIN", "COUNTY_ADMIN", "REVIEWER"] as const) {
      const change = await failureOf(
        m.changeAccount(countyAdmin, {
          userId: self,
          name: "阳城县 管理员",
          organizationId: await unitId("阳城县"),
          role,
          phone: null,
        }),
      );
      expect(change.code).toBe("FORBIDDEN");
    }
    const toOtherCounty = await failureOf(
      m.changeAccount(countyAdmin, {
        userId: self,
        name: "x",
        organizationId: await unitId("盐池县"),
        role: "COUNTY_ADMIN",
        phone: null,
      }),
    );
    expect(["FORBIDDEN", "NOT_FOUND"]).toContain(toOtherCounty.code);
    expect((await failureOf(m.disableAccount(countyAdmin, self))).code).toBe("FORBIDDEN");
    expect((await failureOf(m.resetPassword(countyAdmin, self))).code).toBe("FORBIDDEN");
    expect(await snapshot()).toEqual(before);
    // It reads its own account, without the means to act on it.
    expect((await m.getAccount(countyAdmin, self)).canManage).toBe(false);
  });

  it("changes a clerk's unit and role within its county, effective at once, audited with unit names", async () => {
    const countyAdmin = await yangchengAdmin();
    const id = await userId("dongfeng-2");
    const result = await m.changeAccount(countyAdmin, {
      userId: id,
      name: "董封乡 新填报员",
      organizationId: await unitId("白桑乡人民政府"),
      role: "CLERK",
      phone: "0356-1234567",
    });
    expect(result.changed.sort()).toEqual(["name", "organizationId", "phone"]);
    expect(await actorFor("dongfeng-2")).toMatchObject({ organizationId: await unitId("白桑乡人民政府") });
    const event = await m.db.auditEvent.findFirstOrThrow({ where: { subjectUserId: id, action: "account.change" } });
    expect(event.detail).toMatchObject({
      from: { unit: "董封乡人民政府", name: "测试 用户", phone: null },
      to: { unit: "白桑乡人民政府", name: "董封乡 新填报员", phone: "0356-1234567" },
    });
  });

  it("is refused everything while its own password is still the initial one", async () => {
    const admin = await actorFor("admin");
    await m.createAccount(
      admin,
      input({ username: "fresh-county-admin", role: "COUNTY_ADMIN", organizationId: await unitId("阳城县") }),
    );
    const fresh = await actorFor("fresh-county-admin");
    expect(fresh.mustChangePassword).toBe(true);
    const refused = await failureOf(
      m.createAccount(fresh, input({ username: "by-fresh", organizationId: await unitId("董封乡人民政府") })),
    );
    expect(refused.code).toBe("PASSWORD_CHANGE_REQUIRED");
    expect((await failureOf(m.listAccounts(fresh, { page: 1 }))).code).toBe("PASSWORD_CHANGE_REQUIRED");
  });

  it("lists the accounts and the audit log of its county only", async () => {
    const countyAdmin = await yangchengAdmin();
    const { accounts, total } = await m.listAccounts(countyAdmin, { page: 1 });
    const usernames = accounts.map((account) => account.username);
    expect(usernames).toContain("dongfeng");
    expect(usernames).toContain("yangcheng-review");
    expect(usernames).not.toContain("wangyuejing");
    expect(usernames).not.toContain("admin");
    expect(total).toBe(accounts.length);
    const narrowed = await m.listAccounts(countyAdmin, { page: 1, unitId: await unitId("凤城镇人民政府") });
    expect(narrowed.accounts.map((account) => account.username).sort()).toEqual(["fengcheng", "race-clerk"]);
    const outside = await m.listAccounts(countyAdmin, { page: 1, unitId: await unitId("盐池县") });
    expect(outside.accounts).toEqual([]);

    // The other county's events are not in its log.
    await m.resetPassword(await actorFor("admin"), await userId("huamachi"));
    const log = await m.listAuditEvents(countyAdmin, { page: 1 });
    expect(log.events.length).toBeGreaterThan(0);
    expect(log.events.every((event) => event.organization?.name !== "盐池县花马池镇人民政府")).toBe(true);
    expect(log.events.some((event) => event.subjectUser?.username === "huamachi")).toBe(false);
    const all = await m.listAuditEvents(await actorFor("admin"), { page: 1, username: "huamachi" });
    expect(all.events.map((event) => event.action)).toEqual(["account.resetPassword"]);
    const byAction = await m.listAuditEvents(countyAdmin, { page: 1, action: "account.change" });
    expect(byAction.events.map((event) => event.subjectUser?.username)).toEqual(["dongfeng-2"]);
    const byUser = await m.listAuditEvents(countyAdmin, { page: 1, username: "YANGCHENG-ADMIN" });
    expect(
      byUser.events.every((event) => [event.actor?.username, event.subjectUser?.username].includes("yangcheng-admin")),
    ).toBe(true);
    const byUnit = await m.listAuditEvents(countyAdmin, { page: 1, unitId: await unitId("白桑乡人民政府") });
    expect(byUnit.events.map((event) => event.action)).toEqual(["account.change"]);
  });

  it("gives a list page the units its filter offers, from the same county", async () => {
    const countyAdmin = await yangchengAdmin();
    const { list, units } = await m.withFilterUnits(countyAdmin, m.listAuditEvents(countyAdmin, { page: 1 }));
    expect(list.events.length).toBeGreaterThan(0);
    expect(units.map((unit) => unit.name)).toContain("凤城镇人民政府");
    expect(new Set(units.map((unit) => unit.countyName))).toEqual(new Set(["阳城县"]));
    const reviewer = await actorFor("yangcheng-review");
    expect((await failureOf(m.withFilterUnits(reviewer, m.listAccounts(reviewer, { page: 1 })))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("reviewers and clerks administer nothing", async () => {
    for (const username of ["yangcheng-review", "dongfeng"]) {
      const actor = await actorFor(username);
      expect((await failureOf(m.listAccounts(actor, { page: 1 }))).code).toBe("FORBIDDEN");
      expect((await failureOf(m.listAuditEvents(actor, { page: 1 }))).code).toBe("FORBIDDEN");
      expect((await failureOf(m.resetPassword(actor, await userId("fengcheng")))).code).toBe("FORBIDDEN");
      expect(
        (
          await failureOf(
            m.createAccount(actor, input({ username: "by-clerk", organizationId: actor.organizationId! })),
          )
        ).code,
      ).toBe("FORBIDDEN");
    }
  });
});

describe("reset, disable, enable", () => {
  it("a reset ends the user's sessions at once, and only the new initial password signs in", async () => {
    const countyAdmin = await yangchengAdmin();
    await openSession("yczfb");
    await openSession("yczfb");
    const { initialPassword } = await m.resetPassword(countyAdmin, await userId("yczfb"));
    expect(await m.db.session.count({ where: { user: { username: "yczfb" } } })).toBe(0);
    const sign = (password: string) =>
      m.signIn({ username: "yczfb", password, address: "198.51.100.21", requestHeaders: new Headers() });
    expect((await failureOf(sign(DEMO_PASSWORD))).code).toBe("INVALID_INPUT");
    expect((await sign(initialPassword)).home).toBe("/account/password");
    expect(await m.db.user.findUniqueOrThrow({ where: { username: "yczfb" } })).toMatchObject({
      mustChangePassword: true,
    });
  });

  it("disabling ends the sessions and refuses sign-in with the right password; enabling lets it in again", async () => {
    const countyAdmin = await yangchengAdmin();
    const id = await userId("baisang");
    await openSession("baisang");
    await m.disableAccount(countyAdmin, id);
    await m.disableAccount(countyAdmin, id); // a second click changes nothing
    expect(await m.db.session.count({ where: { userId: id } })).toBe(0);
    expect(await m.db.auditEvent.count({ where: { subjectUserId: id, action: "account.disable" } })).toBe(1);
    const sign = () =>
      m.signIn({
        username: "baisang",
        password: DEMO_PASSWORD,
        address: "198.51.100.22",
        requestHeaders: new Headers(),
      });
    const refused = await failureOf(sign());
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.userMessage).toContain("已停用");
    expect(await m.db.session.count({ where: { userId: id } })).toBe(0);
    await m.enableAccount(countyAdmin, id);
    expect((await sign()).home).toBe("/clerk");
  });
});

describe("one's own password", () => {
  it("after a reset: refused when common, the username or the initial one; accepted otherwise, once", async () => {
    const countyAdmin = await yangchengAdmin();
    const { initialPassword } = await m.resetPassword(countyAdmin, await userId("fengcheng"));
    const keep = await openSession("fengcheng");
    const other = await openSession("fengcheng");
    const user = await actorFor("fengcheng");
    const context = { sessionId: keep, address: "198.51.100.23" };
    const change = (newPassword: string) =>
      m.changeOwnPassword(user, { newPassword, confirmPassword: newPassword }, context);
    for (const [password, message] of [
      ["a1234567", "常见密码"],
      ["woaini1314", "常见密码"],
      ["qq123456", "常见密码"],
      ["Password1", "常见密码"],
      ["nianbao-demo", "常见密码"],
      ["fengcheng", "用户名"],
      ["FengCheng", "用户名"],
      [initialPassword, "初始密码"],
    ] as const) {
      const refused = await failureOf(change(password));
      expect(refused.details, password).toEqual({ fieldErrors: { newPassword: expect.stringContaining(message) } });
    }
    expect(await m.db.auditEvent.count({ where: { action: "account.changeOwnPassword" } })).toBe(0);
    expect((await change("凤城镇-春天-2026")).home).toBe("/clerk");
    expect(await m.db.session.findMany({ where: { userId: user.userId }, select: { id: true } })).toEqual([
      { id: keep },
    ]);
    expect(other).not.toBe(keep);
    const sign = (password: string) =>
      m.signIn({ username: "fengcheng", password, address: "198.51.100.24", requestHeaders: new Headers() });
    expect((await failureOf(sign(initialPassword))).code).toBe("INVALID_INPUT");
    expect((await sign("凤城镇-春天-2026")).home).toBe("/clerk");
  });

  it("otherwise asks for the current password, and counts wrong ones against the sign-in allowance", async () => {
    const user = await actorFor("kczfb");
    const context = { sessionId: "none", address: "198.51.100.25" };
    const missing = await failureOf(
      m.changeOwnPassword(user, { newPassword: "宽城-办公室-2026", confirmPassword: "宽城-办公室-2026" }, context),
    );
    expect(missing.details).toEqual({ fieldErrors: { currentPassword: "请输入当前密码" } });
    const codes: string[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const wrong = await failureOf(
        m.changeOwnPassword(
          user,
          {
            currentPassword: `wrong-${attempt}-pass`,
            newPassword: "宽城-办公室-2026",
            confirmPassword: "宽城-办公室-2026",
          },
          context,
        ),
      );
      codes.push(wrong.code);
    }
    expect(codes.slice(0, 4)).toEqual(["INVALID_INPUT", "INVALID_INPUT", "INVALID_INPUT", "INVALID_INPUT"]);
    expect(codes.slice(4)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
    const hash = (await m.db.account.findFirstOrThrow({ where: { userId: user.userId } })).password!;
    expect(await m.verifyPassword({ hash, password: DEMO_PASSWORD })).toBe(true);
  });
});
