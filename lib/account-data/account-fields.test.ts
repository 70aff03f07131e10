import { describe, expect, it } from "vitest";
import { changeOwnPasswordInput, createAccountInput } from "./account-fields";
import { describeAuditDetail } from "./describe-audit-detail";
import { initialPasswordListCsv } from "./initial-password-list";
import { listPageHref, parseListQuery } from "./list-query";

const unit = "0b8f3a52-5d1e-4c1e-9a57-3f0f1f2b9c11";
const good = { username: "dongfeng-li", name: "李 明", organizationId: unit, role: "CLERK", phone: "" };

function fieldErrors(raw: unknown): Record<string, string> {
  const parsed = createAccountInput.safeParse(raw);
  if (parsed.success) return {};
  // The first message of each field, as defineAction answers.
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

describe("createAccountInput", () => {
  it("takes a well-formed account, the username in lower case, an empty phone as none", () => {
    expect(createAccountInput.parse({ ...good, username: "  DongFeng-Li " })).toEqual({
      ...good,
      phone: null,
    });
    expect(createAccountInput.parse({ ...good, organizationId: "", role: "ADMIN" }).organizationId).toBeNull();
  });

  it.each([
    [{ username: "" }, "username", "请输入用户名"],
    [{ username: "ab" }, "username", "用户名至少 3 个字符"],
    [{ username: "x".repeat(41) }, "username", "用户名不超过 40 个字符"],
    [{ username: "李明明" }, "username", "用户名只能用小写字母、数字和 . _ -，并以字母或数字开头"],
    [{ username: "-lead" }, "username", "用户名只能用小写字母、数字和 . _ -，并以字母或数字开头"],
    [{ username: "a\u0000b\u0007c" }, "username", "用户名只能用小写字母、数字和 . _ -，并以字母或数字开头"],
    [{ name: "" }, "name", "请输入姓名"],
    [{ name: "名".repeat(10_000) }, "name", "姓名不超过 50 个字"],
    [{ name: "李\u0000明" }, "name", "姓名不能包含控制字符或不可见字符"],
    [{ name: "李\u202e明" }, "name", "姓名不能包含控制字符或不可见字符"],
    [{ name: "李\u200b明" }, "name", "姓名不能包含控制字符或不可见字符"],
    [{ organizationId: "not-a-unit" }, "organizationId", "请选择单位"],
    [{ role: "ROOT" }, "role", "请选择角色"],
    [{ phone: "call me" }, "phone", "电话号码只能包含数字、空格和连字符（可以 + 开头）"],
    [{ phone: "1".repeat(21) }, "phone", "电话号码不超过 20 个字符"],
  ])("refuses %j at %s: %s", (change, field, message) => {
    expect(fieldErrors({ ...good, ...change })[field]).toBe(message);
  });

  it("refuses fields it does not know (no mass assignment)", () => {
    expect(createAccountInput.safeParse({ ...good, mustChangePassword: false }).success).toBe(false);
    expect(createAccountInput.safeParse({ ...good, disabledAt: null }).success).toBe(false);
  });
});

describe("changeOwnPasswordInput", () => {
  it("checks the length, control characters and the confirmation", () => {
    const errors = (newPassword: string, confirmPassword = newPassword) => {
      const parsed = changeOwnPasswordInput.safeParse({ newPassword, confirmPassword });
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    };
    expect(errors("春天-凤城-2026")).toEqual([]);
    expect(errors("")).toContain("newPassword: 请输入新密码");
    expect(errors("short7!")).toEqual(["newPassword: 密码至少 8 个字符"]);
    expect(errors("x".repeat(129))).toEqual(["newPassword: 密码不超过 128 个字符"]);
    // The confirmation is the same text, refused for the same reason.
    expect(errors("abc\u0000defgh")).toEqual([
      "newPassword: 密码不能包含控制字符",
      "confirmPassword: 密码不能包含控制字符",
    ]);
    expect(errors("春天-凤城-2026", "春天-凤城-2025")).toEqual(["confirmPassword: 两次输入的新密码不一致"]);
  });
});

describe("initialPasswordListCsv", () => {
  it("writes UTF-8 with a byte-order mark, a header, and formulas as plain text", () => {
    const csv = initialPasswordListCsv([
      {
        username: "li",
        name: '=HYPERLINK("x")',
        unitName: "董封乡人民政府",
        roleLabel: "填报人员",
        initialPassword: "AbCd2345EfGh",
      },
    ]);
    expect(csv.startsWith("\uFEFF用户名,姓名,单位,角色,初始密码\r\n")).toBe(true);
    expect(csv).toContain(`li,"'=HYPERLINK(""x"")",董封乡人民政府,填报人员,AbCd2345EfGh\r\n`);
  });
});

describe("describeAuditDetail", () => {
  it("says what a change changed, in words", () => {
    expect(
      describeAuditDetail({
        from: { role: "CLERK", unit: "董封乡人民政府" },
        to: { role: "REVIEWER", unit: "阳城县" },
      }),
    ).toBe("角色：填报人员 → 审核人员；单位：董封乡人民政府 → 阳城县");
    expect(describeAuditDetail({ role: "CLERK", source: "import", fileName: "名单.xlsx" })).toBe(
      "批量导入（名单.xlsx）；角色：填报人员",
    );
    expect(describeAuditDetail(null)).toBeNull();
    expect(describeAuditDetail("odd")).toBeNull();
  });
});

describe("parseListQuery", () => {
  it("keeps the well-formed filters and drops the rest", () => {
    expect(parseListQuery({ page: "3", unit, q: " 李\u0000明 ", action: "account.create" })).toEqual({
      page: 3,
      unit,
      q: "李 明",
      action: "account.create",
    });
    expect(parseListQuery({ page: "-1", unit: "x", q: "q".repeat(51), user: ["a", "b"] })).toEqual({
      page: 1,
      user: "a",
    });
    expect(listPageHref("/admin/audit", { page: 1, user: "li" }, 2)).toBe("/admin/audit?page=2&user=li");
    expect(listPageHref("/admin/audit", { page: 2 }, 1)).toBe("/admin/audit");
  });
});
