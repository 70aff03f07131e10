/**
 * Unit administration against a real PostgreSQL: every operation for every role, in its own
 * county and another; the checks that need the database (codes taken, a move under one's own
 * unit, two moves racing, a re-import), the audit trail, and what retiring a unit does to new
 * seasons and to its published reports.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  demonstrationCounty,
  demonstrationUnits,
  governmentCreditCode,
  unitImportHeader,
} from "@/fixtures/spreadsheets/demonstration-county";
import { writeXlsx } from "@/fixtures/spreadsheets/write-spreadsheets";
import type { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { failureOf, setUpReviewDatabase } from "@/lib/reports/testing/review-database";
import { newUnitInput } from "./unit-input";

const m = setUpReviewDatabase("nianbao_units", () =>
  Promise.all([
    import("@/prisma/seed/create-account"),
    import("./create-unit"),
    import("./create-county"),
    import("./update-unit"),
    import("./move-unit"),
    import("./retire-unit"),
    import("./restore-unit"),
    import("./list-unit-tree"),
    import("./preview-unit-import"),
    import("./import-units"),
    import("./set-reporting-calendar"),
    import("./get-reporting-calendar"),
    import("@/lib/reports/start-report"),
    import("@/lib/reports/list-review-queue"),
    import("@/lib/reports/approve-report"),
    import("@/lib/publications/list-publications"),
  ]),
);

type Ids = { yangcheng: string; yanchi: string; dongfeng: string; huamachi: string };
let ids: Ids;
const actors = {} as Record<"admin" | "yangchengAdmin" | "yanchiAdmin" | "reviewer" | "clerk", NonNullable<Actor>>;

const organizationId = (name: string) => m.steps.organizationIdNamed(name);

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: AppError) => error.code ?? String(error),
  );

const unit = (parentId: string, name: string, fields: Partial<Record<string, string>> = {}) =>
  newUnitInput.parse({ parentId, name, kind: "TOWN", divisionCode: "", creditCode: "", ...fields });

beforeAll(async () => {
  ids = {
    yangcheng: await organizationId("阳城县"),
    yanchi: await organizationId("盐池县"),
    dongfeng: await organizationId("董封乡人民政府"),
    huamachi: await organizationId("盐池县花马池镇人民政府"),
  };
  for (const [key, username, countyId] of [
    ["yangchengAdmin", "yangcheng-admin", ids.yangcheng],
    ["yanchiAdmin", "yanchi-admin", ids.yanchi],
  ] as const) {
    await m.createAccount(m.db, {
      username,
      name: username,
      role: "COUNTY_ADMIN",
      organizationId: countyId,
      password: "county-admin-password",
      mustChangePassword: false,
    });
    actors[key] = await m.steps.actorFor(username);
  }
  actors.admin = await m.steps.actorFor("admin");
  actors.reviewer = await m.steps.actorFor("yangcheng-review");
  actors.clerk = await m.steps.actorFor("dongfeng");
}, 120_000);

describe("who may administer what, against the database", () => {
  it("creating a unit: administrators in their reach; a county administrator not in another county", async () => {
    const answers = {
      admin: await outcome(m.createUnit(actors.admin, unit(ids.yangcheng, "甲镇人民政府"))),
      yangchengAdmin: await outcome(m.createUnit(actors.yangchengAdmin, unit(ids.yangcheng, "乙镇人民政府"))),
      yangchengAdminInYanchi: await outcome(m.createUnit(actors.yangchengAdmin, unit(ids.yanchi, "丙镇人民政府"))),
      yanchiAdmin: await outcome(m.createUnit(actors.yanchiAdmin, unit(ids.yanchi, "丁镇人民政府"))),
      reviewer: await outcome(m.createUnit(actors.reviewer, unit(ids.yangcheng, "戊镇人民政府"))),
      clerk: await outcome(m.createUnit(actors.clerk, unit(ids.yangcheng, "己镇人民政府"))),
      anonymous: await outcome(m.createUnit(null, unit(ids.yangcheng, "庚镇人民政府"))),
      missingParent: await outcome(
        m.createUnit(actors.yangchengAdmin, unit("00000000-0000-4000-8000-000000000000", "辛镇人民政府")),
      ),
    };
    expect(answers).toEqual({
      admin: "ok",
      yangchengAdmin: "ok",
      yangchengAdminInYanchi: "NOT_FOUND",
      yanchiAdmin: "ok",
      reviewer: "FORBIDDEN",
      clerk: "NOT_FOUND",
      anonymous: "UNAUTHENTICATED",
      missingParent: "NOT_FOUND",
    });
    const created = await m.db.organization.findFirstOrThrow({ where: { name: "乙镇人民政府" } });
    const event = await m.db.auditEvent.findFirstOrThrow({
      where: { action: "unit.create", organizationId: created.id },
    });
    expect(event.actorId).toBe(actors.yangchengAdmin.userId);
  });

  it("creating a county: the system administrator alone", async () => {
    const county = { name: "测试县", divisionCode: "149902", creditCode: "" };
    expect(await outcome(m.createCounty(actors.yangchengAdmin, county))).toBe("FORBIDDEN");
    expect(await outcome(m.createCounty(actors.reviewer, county))).toBe("FORBIDDEN");
    expect(await outcome(m.createCounty(actors.admin, county))).toBe("ok");
  });

  it("changing a unit: below one's county only; a county administrator's own county is not theirs to change", async () => {
    const dongfeng = await m.db.organization.findUniqueOrThrow({ where: { id: ids.dongfeng } });
    const county = await m.db.organization.findUniqueOrThrow({ where: { id: ids.yangcheng } });
    const edit = (target: typeof dongfeng, name: string) => ({
      unitId: target.id,
      name,
      kind: target.kind,
      divisionCode: target.divisionCode ?? "",
      creditCode: target.creditCode ?? "",
      expectedUpdatedAt: target.updatedAt.toISOString(),
    });
    expect(await outcome(m.updateUnit(actors.yanchiAdmin, edit(dongfeng, "董封乡")))).toBe("NOT_FOUND");
    expect(await outcome(m.updateUnit(actors.reviewer, edit(dongfeng, "董封乡")))).toBe("FORBIDDEN");
    expect(await outcome(m.updateUnit(actors.clerk, edit(dongfeng, "董封乡")))).toBe("FORBIDDEN");
    expect(await outcome(m.updateUnit(actors.yangchengAdmin, edit(county, "阳城县改")))).toBe("FORBIDDEN");
    expect(await outcome(m.retireUnit(actors.yangchengAdmin, { unitId: ids.yangcheng }))).toBe("FORBIDDEN");
    expect(await outcome(m.retireUnit(actors.yanchiAdmin, { unitId: ids.dongfeng }))).toBe("NOT_FOUND");
    expect(await outcome(m.moveUnit(actors.yanchiAdmin, { unitId: ids.dongfeng, parentId: ids.yanchi }))).toBe(
      "NOT_FOUND",
    );
    // Out of one's county, or in from another: not found.
    expect(await outcome(m.moveUnit(actors.yangchengAdmin, { unitId: ids.dongfeng, parentId: ids.yanchi }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(m.moveUnit(actors.yangchengAdmin, { unitId: ids.huamachi, parentId: ids.yangcheng }))).toBe(
      "NOT_FOUND",
    );
  });

  it("lists the tree of one's own reach", async () => {
    const ownTree = await m.listUnitTree(actors.yangchengAdmin);
    expect(ownTree.map((root) => root.name)).toEqual(["阳城县"]);
    expect(ownTree[0]!.children.map((child) => child.name)).toContain("董封乡人民政府");
    expect((await m.listUnitTree(actors.admin)).map((root) => root.name)).toEqual(
      expect.arrayContaining(["阳城县", "盐池县", "测试县"]),
    );
    expect(await outcome(m.listUnitTree(actors.reviewer))).toBe("FORBIDDEN");
  });

  it("tells the administration pages who manages the counties themselves", async () => {
    const countyView = await m.unitTreeView(actors.yangchengAdmin);
    expect([countyView.roots.map((root) => root.name), countyView.managesCounties]).toEqual([["阳城县"], false]);
    expect((await m.unitTreeView(actors.admin)).managesCounties).toBe(true);
    expect(await outcome(m.unitTreeView(actors.reviewer))).toBe("FORBIDDEN");
  });
});

describe("what the database checks", () => {
  it("refuses a taken 行政区划代码 or credit code, and a code not under the parent's", async () => {
    const code = "140522203000";
    await m.createUnit(
      actors.yangchengAdmin,
      unit(ids.yangcheng, "代码乡人民政府", { kind: "TOWNSHIP", divisionCode: code }),
    );
    const taken = await failureOf(
      m.createUnit(actors.admin, unit(ids.yangcheng, "另一乡人民政府", { kind: "TOWNSHIP", divisionCode: code })),
    );
    expect(taken.details).toEqual({ fieldErrors: { divisionCode: `行政区划代码 ${code} 已属于“代码乡人民政府”` } });
    const elsewhere = await failureOf(
      m.createUnit(actors.yangchengAdmin, unit(ids.yangcheng, "外县镇", { divisionCode: "640323100000" })),
    );
    expect(elsewhere.details).toEqual({ fieldErrors: { divisionCode: "行政区划代码应以上级单位的代码 140522 开头" } });
    const credit = governmentCreditCode("140522", "000000101");
    await m.createUnit(
      actors.yangchengAdmin,
      unit(ids.yangcheng, "信用局", { kind: "DEPARTMENT", creditCode: credit }),
    );
    const creditTaken = await failureOf(
      m.createUnit(actors.yangchengAdmin, unit(ids.yangcheng, "另一局", { kind: "DEPARTMENT", creditCode: credit })),
    );
    expect(creditTaken.details).toEqual({ fieldErrors: { creditCode: `统一社会信用代码 ${credit} 已属于“信用局”` } });
    const sameName = await failureOf(m.createUnit(actors.yangchengAdmin, unit(ids.yangcheng, "董封乡人民政府")));
    expect(sameName.details).toEqual({ fieldErrors: { name: "“阳城县”下已有名为“董封乡人民政府”的单位" } });
  });

  it("refuses hostile fields with the field's message before any work", () => {
    const parsed = newUnitInput.safeParse({
      parentId: ids.yangcheng,
      name: "乡".repeat(10_000),
      kind: "TOWN",
      divisionCode: "14052210000\u0000",
      creditCode: "91440300708461136X",
    });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages.name).toBe("单位名称不能超过 60 个字，现为 10000 个字");
    expect(messages.creditCode).toBe("统一社会信用代码的校验码（第 18 位）不符，按前 17 位应为“T”，请核对");
  });

  it("refuses an edit made on a stale form", async () => {
    const dongfeng = await m.db.organization.findUniqueOrThrow({ where: { id: ids.dongfeng } });
    const input = {
      unitId: dongfeng.id,
      name: "董封乡人民政府",
      kind: dongfeng.kind,
      divisionCode: "140522200000",
      creditCode: "",
      expectedUpdatedAt: dongfeng.updatedAt.toISOString(),
    };
    await m.updateUnit(actors.yangchengAdmin, input);
    expect((await failureOf(m.updateUnit(actors.yangchengAdmin, input))).code).toBe("CONFLICT");
    expect(await m.db.auditEvent.count({ where: { action: "unit.update", organizationId: dongfeng.id } })).toBe(1);
  });

  it("never moves a unit under itself or its own unit, however two moves race", async () => {
    const town = await m.createUnit(actors.yangchengAdmin, unit(ids.yangcheng, "移动镇人民政府"));
    const office = await m.createUnit(
      actors.yangchengAdmin,
      unit(town.id, "移动镇便民服务中心", { kind: "DEPARTMENT" }),
    );
    const office2 = await m.createUnit(
      actors.yangchengAdmin,
      unit(ids.yangcheng, "县便民中心", { kind: "DEPARTMENT" }),
    );
    const underItself = await failureOf(m.moveUnit(actors.yangchengAdmin, { unitId: town.id, parentId: office.id }));
    expect(underItself.details).toMatchObject({ fieldErrors: { parentId: expect.stringMatching(/类型|自己/) } });
    // A department under a department is refused by its kind; the cycle check is what stops the race below.
    const officeA = await m.createUnit(actors.yangchengAdmin, unit(ids.yangcheng, "甲所", { kind: "DEPARTMENT" }));
    const townB = await m.createUnit(actors.yangchengAdmin, unit(ids.yangcheng, "乙所镇"));
    await m.moveUnit(actors.yangchengAdmin, { unitId: officeA.id, parentId: townB.id });
    const back = await failureOf(m.moveUnit(actors.admin, { unitId: townB.id, parentId: officeA.id }));
    expect(back.details).toEqual({
      fieldErrors: { parentId: "不能把单位移到它自己或它的下级单位之下，请选择其他上级单位" },
    });
    // Two departments moved under each other at once: the lock lets one through, the other meets its kind's rule.
    const results = await Promise.allSettled([
      m.moveUnit(actors.yangchengAdmin, { unitId: office.id, parentId: office2.id }),
      m.moveUnit(actors.yangchengAdmin, { unitId: office2.id, parentId: office.id }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled").length).toBeLessThanOrEqual(1);
    const rows = await m.db.organization.findMany({ where: { id: { in: [office.id, office2.id] } } });
    expect(rows.some((row) => row.parentId === office.id || row.parentId === office2.id)).toBe(false);
    expect(await m.db.auditEvent.count({ where: { action: "unit.move", organizationId: officeA.id } })).toBe(1);
  });

  it("moves within a county, and a township between counties only with its code under the new county", async () => {
    const department = await m.createUnit(
      actors.yangchengAdmin,
      unit(ids.yangcheng, "移往乡里的中心", { kind: "DEPARTMENT" }),
    );
    await m.moveUnit(actors.yangchengAdmin, { unitId: department.id, parentId: ids.dongfeng });
    expect((await m.db.organization.findUniqueOrThrow({ where: { id: department.id } })).parentId).toBe(ids.dongfeng);
    const coded = await failureOf(m.moveUnit(actors.admin, { unitId: ids.dongfeng, parentId: ids.yanchi }));
    expect(coded.details).toEqual({
      fieldErrors: { parentId: "行政区划代码应以上级单位的代码 640323 开头；请先修改本单位的行政区划代码，再移动" },
    });
  });
});

describe("importing a list of units", () => {
  const rows = [unitImportHeader, ...demonstrationUnits];
  let countyId: string;

  beforeAll(async () => {
    countyId = (await m.createCounty(actors.admin, { ...demonstrationCounty, creditCode: "" })).id;
  });

  it("previews each row's problem in zh-CN and changes nothing", async () => {
    const hostile = [
      ...rows,
      ["未知上级的中心", "县直部门", "不存在的镇", "", ""],
      ["重复代码镇", "镇", "", demonstrationUnits[2]![3]!, ""],
      ["校验错误局", "县直部门", "", "", "11149901000000009X"],
      ["某某村", "村", "", "", ""],
    ];
    const bytes = await writeXlsx(hostile);
    const before = await m.db.organization.count();
    const preview = await m.previewUnitImport(actors.admin, countyId, { fileName: "units.xlsx", bytes });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.counts).toEqual({ create: 20, existing: 0, problem: 4 });
    expect(preview.rows.slice(20).map((row) => [row.rowNumber, row.problems])).toEqual([
      [22, ["找不到上级单位“不存在的镇”：应是本县（区）已有的单位，或写在本表前面的行"]],
      [23, [`行政区划代码 ${demonstrationUnits[2]![3]} 与第 4 行重复`]],
      [24, [expect.stringMatching(/^统一社会信用代码的校验码（第 18 位）不符/)]],
      [25, ["类型“村”无法识别，请填写：县、区、县级市、乡、镇、街道、县直部门"]],
    ]);
    expect(await m.db.organization.count()).toBe(before);
    // With problems, the import is refused unless only the clean rows are asked for.
    const refused = await failureOf(
      m.importUnits(actors.admin, countyId, { fileName: "units.xlsx", bytes }, { onlyCleanRows: false }),
    );
    expect(refused.message).toBe("表中有 4 行有问题，未导入任何单位。请修改后重新上传，或选择“只导入没有问题的行”。");
    expect(await m.db.organization.count()).toBe(before);
  });

  it("imports 20 units as the county's administrator; the same file again changes nothing", async () => {
    await m.createAccount(m.db, {
      username: "shifan-admin",
      name: "示范县管理员",
      role: "COUNTY_ADMIN",
      organizationId: countyId,
      password: "county-admin-password",
      mustChangePassword: false,
    });
    const countyAdmin = await m.steps.actorFor("shifan-admin");
    const file = { fileName: "units.xlsx", bytes: await writeXlsx(rows) };
    expect(await outcome(m.importUnits(actors.yangchengAdmin, countyId, file, { onlyCleanRows: true }))).toBe(
      "NOT_FOUND",
    );
    expect(await m.importUnits(countyAdmin, countyId, file, { onlyCleanRows: false })).toEqual({
      created: 20,
      existing: 0,
      skipped: 0,
    });
    const tree = await m.listUnitTree(countyAdmin);
    expect(tree[0]!.children).toHaveLength(19);
    const town = tree[0]!.children.find((child) => child.name === "示范镇人民政府")!;
    expect(town.children.map((child) => child.name)).toEqual(["示范镇便民服务中心"]);
    expect(await m.db.auditEvent.count({ where: { action: "unit.import", organizationId: countyId } })).toBe(1);

    const events = await m.db.auditEvent.count();
    const organizations = await m.db.organization.findMany({ orderBy: { id: "asc" } });
    expect(await m.importUnits(countyAdmin, countyId, file, { onlyCleanRows: false })).toEqual({
      created: 0,
      existing: 20,
      skipped: 0,
    });
    expect(await m.db.organization.findMany({ orderBy: { id: "asc" } })).toEqual(organizations);
    expect(await m.db.auditEvent.count()).toBe(events + 1);
  });

  it("reads the same list saved by LibreOffice as already imported", async () => {
    const { readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const bytes = new Uint8Array(
      readFileSync(path.join(import.meta.dirname, "../../fixtures/spreadsheets/units-libreoffice.xlsx")),
    );
    const preview = await m.previewUnitImport(actors.admin, countyId, { fileName: "units-libreoffice.xlsx", bytes });
    expect(preview.ok && preview.counts).toEqual({ create: 0, existing: 20, problem: 0 });
  });
});

describe("retiring a unit", () => {
  it("refuses a unit with active units under it, retires a leaf, and restores it", async () => {
    const town = await m.createUnit(actors.yangchengAdmin, unit(ids.yangcheng, "停用镇人民政府"));
    await m.createUnit(actors.yangchengAdmin, unit(town.id, "停用镇中心", { kind: "DEPARTMENT" }));
    expect((await failureOf(m.retireUnit(actors.yangchengAdmin, { unitId: town.id }))).message).toBe(
      "该单位下还有 1 个未停用的单位，请先停用或移走它们。",
    );
    const leaf = await m.createUnit(actors.yangchengAdmin, unit(ids.yangcheng, "叶子镇人民政府"));
    await m.retireUnit(actors.yangchengAdmin, { unitId: leaf.id });
    expect((await failureOf(m.retireUnit(actors.yangchengAdmin, { unitId: leaf.id }))).code).toBe("INVALID_STATE");
    await m.restoreUnit(actors.yangchengAdmin, { unitId: leaf.id });
    expect((await m.db.organization.findUniqueOrThrow({ where: { id: leaf.id } })).retiredAt).toBeNull();
  });

  it("keeps its published report online, drops it from later seasons' queues, and refuses a new report", async () => {
    const clerk = await m.steps.actorFor("baisang");
    const reviewer = actors.reviewer;
    const reportId = await m.steps.startReportAsClerk(clerk, 2024);
    const version = await m.steps.saveReportDataAsClerk(
      clerk,
      reportId,
      m.steps.cleanReportData("白桑乡人民政府", 2024),
    );
    const submitted = await m.steps.submitReportAsClerk(clerk, reportId);
    expect(submitted).toBeGreaterThan(version);
    await m.approveReport(reviewer, { reportId, expectedVersion: submitted, publish: true });
    const baisang = clerk.organizationId!;
    await m.retireUnit(actors.yangchengAdmin, { unitId: baisang });

    const listed = await m.listPublications(null, {}, m.db);
    expect(listed.map((row) => row.organization)).toContain("白桑乡人民政府");
    const queue = async (year: number) =>
      (await m.listReviewQueue(reviewer, ids.yangcheng, { year, sort: "name", dir: "asc" })).map(
        (row) => row.organization.name,
      );
    // Its published year stays in the queue; the season after its retirement does not offer it.
    expect(await queue(2024)).toContain("白桑乡人民政府");
    const later = new Date().getFullYear() + 1;
    expect(await queue(later)).not.toContain("白桑乡人民政府");
    expect(await queue(later)).toContain("董封乡人民政府");
    const refused = await failureOf(m.startReport(clerk, baisang, 2026, { today: new Date(2026, 11, 1) }));
    expect(refused.message).toBe("本单位已停用，不能开始新的年度报告。如单位仍在运行，请联系县级管理员恢复。");
  });
});

describe("the reporting calendar", () => {
  it("answers the defaults, stores a county's own dates, and tells each unit its deadline", async () => {
    expect(await m.getReportingCalendar(actors.clerk, ids.dongfeng, 2026)).toMatchObject({
      countyName: "阳城县",
      opensOn: "2026-12-01",
      unitDeadline: "2027-01-31",
      countyDeadline: "2027-03-31",
      isDefault: true,
      deadline: "2027-01-31",
    });
    const dates = { opensOn: "2026-11-20", unitDeadline: "2027-01-20", countyDeadline: "2027-03-15" };
    expect(await outcome(m.setReportingCalendar(actors.yanchiAdmin, ids.yangcheng, 2026, dates))).toBe("NOT_FOUND");
    expect(await outcome(m.setReportingCalendar(actors.reviewer, ids.yangcheng, 2026, dates))).toBe("FORBIDDEN");
    expect(await outcome(m.setReportingCalendar(actors.clerk, ids.yangcheng, 2026, dates))).toBe("NOT_FOUND");
    expect(await outcome(m.setReportingCalendar(actors.yangchengAdmin, ids.dongfeng, 2026, dates))).toBe("FORBIDDEN");
    await m.setReportingCalendar(actors.yangchengAdmin, ids.yangcheng, 2026, dates);
    expect(await m.getReportingCalendar(actors.clerk, ids.dongfeng, 2026)).toMatchObject({
      ...dates,
      isDefault: false,
      deadline: "2027-01-20",
    });
    expect(await m.getReportingCalendar(actors.reviewer, ids.yangcheng, 2026)).toMatchObject({
      deadline: "2027-03-15",
    });
    expect(await outcome(m.getReportingCalendar(actors.clerk, ids.huamachi, 2026))).toBe("NOT_FOUND");
    const event = await m.db.auditEvent.findFirstOrThrow({
      where: { action: "calendar.set", organizationId: ids.yangcheng },
    });
    expect(event.detail).toMatchObject({ year: 2026, before: { isDefault: true }, after: dates });
  });
});
