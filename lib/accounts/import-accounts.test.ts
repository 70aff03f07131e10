/**
 * Importing accounts from a spreadsheet against a real PostgreSQL, through the reading pool:
 * 20 clerks at once, every bad row answered and nothing created, the hostile files of the
 * brief, and a county administrator kept to its county.
 */
import { describe, expect, it } from "vitest";
import {
  concatBytes,
  toCsv,
  UTF8_BOM,
  withMacros,
  writeLongXlsx,
  writeXlsx,
  type Cell,
} from "@/fixtures/spreadsheets/write-spreadsheets";
import { initialPasswordListCsv } from "@/lib/account-data/initial-password-list";
import { failureOf, setUpReviewDatabase } from "@/lib/reports/testing/review-database";
import type { Actor } from "@/lib/workflow/policy";

const m = setUpReviewDatabase("nianbao_import_accounts", async () => ({
  verifyPassword: (await import("@/lib/server/password")).verifyPassword,
  importAccounts: (await import("./import-accounts")).importAccounts,
  createAccount: (await import("./create-account")).createAccount,
  fields: await import("@/lib/account-data/account-fields"),
}));

const actorFor = (username: string) => m.steps.actorFor(username);

const unitId = (name: string) => m.steps.organizationIdNamed(name);

async function countyAdmin(): Promise<NonNullable<Actor>> {
  if (!(await m.db.user.findUnique({ where: { username: "yc-admin" } }))) {
    await m.createAccount(
      await actorFor("admin"),
      m.fields.createAccountInput.parse({
        username: "yc-admin",
        name: "阳城县 管理员",
        role: "COUNTY_ADMIN",
        organizationId: await unitId("阳城县"),
      }),
    );
    await m.db.user.update({ where: { username: "yc-admin" }, data: { mustChangePassword: false } });
  }
  return actorFor("yc-admin");
}

async function counts() {
  const [users, accounts, events] = await Promise.all([
    m.db.user.count(),
    m.db.account.count(),
    m.db.auditEvent.count(),
  ]);
  return { users, accounts, events };
}

const header = ["用户名", "姓名", "单位", "角色", "联系电话"];
const towns = ["董封乡人民政府", "凤城镇人民政府", "北留镇人民政府", "白桑乡人民政府", "阳城县人民政府办公室"];

function clerkRows(prefix: string, count: number): string[][] {
  return Array.from({ length: count }, (_, index) => [
    `${prefix}-${String(index + 1).padStart(2, "0")}`,
    `填报员${index + 1}`,
    towns[index % towns.length]!,
    "填报人员",
    index % 2 === 0 ? `1380000${String(index).padStart(4, "0")}` : "",
  ]);
}

async function importXlsx(actor: Actor, rows: readonly (readonly Cell[])[], county = "阳城县", fileName = "名单.xlsx") {
  return m.importAccounts(actor, { countyId: await unitId(county), fileName, bytes: await writeXlsx(rows) });
}

describe("importing accounts", () => {
  it("creates 20 clerks from an .xlsx, each with an initial password answered once and stored as a hash", async () => {
    const actor = await countyAdmin();
    const before = await counts();
    const result = await importXlsx(actor, [header, ...clerkRows("yc-clerk", 20)]);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.created).toHaveLength(20);
    expect(result.created[0]).toMatchObject({
      username: "yc-clerk-01",
      name: "填报员1",
      unitName: "董封乡人民政府",
      roleLabel: "填报人员",
      initialPassword: expect.stringMatching(/^[A-HJ-NP-Za-km-z2-9]{12}$/),
    });
    expect(await counts()).toEqual({
      users: before.users + 20,
      accounts: before.accounts + 20,
      events: before.events + 20,
    });
    const user = await m.db.user.findUniqueOrThrow({
      where: { username: "yc-clerk-03" },
      include: { accounts: true, organization: true },
    });
    expect(user).toMatchObject({ role: "CLERK", mustChangePassword: true, phone: "13800000002" });
    expect(user.organization?.name).toBe("北留镇人民政府");
    const third = result.created[2]!;
    expect(await m.verifyPassword({ hash: user.accounts[0]!.password!, password: third.initialPassword })).toBe(true);
    const events = await m.db.auditEvent.findMany({ where: { subjectUserId: user.id } });
    expect(events).toEqual([
      expect.objectContaining({
        action: "account.create",
        actorId: actor.userId,
        detail: expect.objectContaining({ source: "import" }),
      }),
    ]);
    // The list the page offers for download.
    const csv = initialPasswordListCsv(result.created);
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(21);
    expect(csv).toContain(`yc-clerk-03,填报员3,北留镇人民政府,填报人员,${third.initialPassword}`);
  });

  it("reads a CSV list the same way, the county itself as a reviewer's unit", async () => {
    const actor = await countyAdmin();
    const csv = toCsv([
      ["用户名", "姓名", "单位", "角色"],
      ["yc-review-9", "审核员九", "阳城县", "审核人员"],
    ]);
    const result = await m.importAccounts(actor, {
      countyId: await unitId("阳城县"),
      fileName: "名单.csv",
      bytes: concatBytes(UTF8_BOM, new TextEncoder().encode(csv)),
    });
    expect(result).toMatchObject({
      ok: true,
      created: [{ username: "yc-review-9", unitName: "阳城县", roleLabel: "审核人员" }],
    });
  });

  it("answers every bad row with its problems and creates nothing", async () => {
    const actor = await countyAdmin();
    const before = await counts();
    const result = await importXlsx(actor, [
      header,
      ["ok-clerk-1", "好人", "董封乡人民政府", "填报人员", ""],
      ["dongfeng", "重名", "董封乡人民政府", "填报人员", ""],
      ["dup-clerk", "甲", "凤城镇人民政府", "填报人员", ""],
      ["DUP-CLERK", "乙", "凤城镇人民政府", "填报人员", ""],
      ["bad name!", "名".repeat(10_000), "董封乡", "填报人员", "电话号码"],
      // XML cannot carry a NUL; a right-to-left override it can (the CSV below carries a bell).
      ["ctl-clerk", "李\u202e明", "王乐井乡人民政府", "站长", ""],
      ["boss", "总管", "阳城县", "系统管理员", ""],
      ["low-review", "审核", "北留镇人民政府", "审核人员", ""],
      ["", "", "", "", ""],
      ["formula-clerk", { formula: 'HYPERLINK("http://x","y")', result: "y" }, "白桑乡人民政府", "填报人员", ""],
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byRow = Object.fromEntries(result.rowErrors.map((row) => [row.rowNumber, row.messages]));
    expect(Object.keys(byRow).map(Number)).toEqual([3, 5, 6, 7, 8, 9, 11]);
    expect(byRow[3]).toEqual(["用户名 dongfeng 已被使用，请换一个"]);
    expect(byRow[5]).toEqual(["用户名 dup-clerk 与第 4 行重复"]);
    expect(byRow[6]).toEqual([
      "B 列超过 500 个字符，请检查内容",
      "用户名只能用小写字母、数字和 . _ -，并以字母或数字开头",
      "姓名不超过 50 个字",
      "电话号码只能包含数字、空格和连字符（可以 + 开头）",
      "阳城县没有名为“董封乡”的单位，是否指“董封乡人民政府”？",
    ]);
    expect(byRow[7]).toEqual([
      "姓名不能包含控制字符或不可见字符",
      "角色“站长”无法识别，请填写 填报人员、审核人员或县级管理员",
      "阳城县没有名为“王乐井乡人民政府”的单位，请填写单位的全称",
    ]);
    expect(byRow[8]).toEqual(["您不能创建“系统管理员”账号"]);
    expect(byRow[9]).toEqual(["审核人员和县级管理员须属于县（区）本级"]);
    expect(byRow[11]![0]).toMatch(/^B 列是公式/);
    expect(await counts()).toEqual(before);
  });

  it("answers control characters in a CSV list at their row", async () => {
    const actor = await countyAdmin();
    const csv = toCsv([header, ["bell-clerk", "李\u0007明", "董封乡人民政府", "填报人员", ""]]);
    const result = await m.importAccounts(actor, {
      countyId: await unitId("阳城县"),
      fileName: "名单.csv",
      bytes: new TextEncoder().encode(csv),
    });
    expect(result).toEqual({
      ok: false,
      fileError: null,
      rowErrors: [{ rowNumber: 2, messages: ["姓名不能包含控制字符或不可见字符"] }],
    });
  });

  it("refuses the hostile files whole, with a zh-CN message, and creates nothing", async () => {
    const actor = await countyAdmin();
    const before = await counts();
    const countyId = await unitId("阳城县");
    const fileError = async (fileName: string, bytes: Uint8Array) => {
      const result = await m.importAccounts(actor, { countyId, fileName, bytes });
      if (result.ok) throw new Error(`${fileName} was imported`);
      return result.fileError;
    };
    const list = await writeXlsx([header, ...clerkRows("hostile", 3)]);
    expect(await fileError("名单.xlsx", withMacros(list))).toContain("宏");
    expect(await fileError("名单.xlsm", list)).toContain("含宏的工作簿");
    expect(await fileError("名单.xlsx", await writeLongXlsx(100_000))).toContain("超过 5,000 行");
    expect(await fileError("名单.xlsx", new Uint8Array(20 * 1024 * 1024))).toContain("超过上限 5.0 MB");
    expect(await fileError("名单.xlsx", await writeXlsx([header, ...clerkRows("many", 1_001)]))).toBe(
      "表格有 1,001 个账号，一次最多导入 1,000 个，请分成几个文件上传",
    );
    expect(
      await fileError(
        "名单.xlsx",
        await writeXlsx([
          ["账号", "名字"],
          ["a-1", "甲"],
        ]),
      ),
    ).toMatch(/^表格缺少“单位”“角色”列/);
    expect(await fileError("名单.xlsx", await writeXlsx([header]))).toBe("表格中没有账号：列标题下面每行填写一个账号");
    expect(await counts()).toEqual(before);
  });

  it("keeps a county administrator to its county, whatever the upload names", async () => {
    const actor = await countyAdmin();
    const before = await counts();
    const other = await failureOf(importXlsx(actor, [header, ...clerkRows("yanchi", 2)], "盐池县"));
    expect(other.code).toBe("NOT_FOUND");
    const township = await failureOf(
      m.importAccounts(actor, {
        countyId: await unitId("董封乡人民政府"),
        fileName: "名单.xlsx",
        bytes: new Uint8Array(),
      }),
    );
    expect(township.code).toBe("INVALID_INPUT");
    // Units of another county are not found inside its own county's list either.
    const result = await importXlsx(actor, [header, ["yc-x", "某人", "盐池县花马池镇人民政府", "填报人员", ""]]);
    expect(result).toMatchObject({ ok: false, rowErrors: [{ rowNumber: 2 }] });
    for (const username of ["yangcheng-review", "dongfeng"])
      expect((await failureOf(importXlsx(await actorFor(username), [header, ...clerkRows("nope", 1)]))).code).toBe(
        "FORBIDDEN",
      );
    expect(await counts()).toEqual(before);
  });

  it("lets the system administrator import for any county", async () => {
    const result = await importXlsx(
      await actorFor("admin"),
      [
        header,
        ["yanchi-clerk-1", "盐池 填报员", "盐池县王乐井乡人民政府", "填报人员", ""],
        ["yanchi-admin-1", "盐池 管理员", "盐池县", "县级管理员", ""],
      ],
      "盐池县",
    );
    expect(result).toMatchObject({
      ok: true,
      created: [{ username: "yanchi-clerk-1" }, { username: "yanchi-admin-1" }],
    });
  });
});
