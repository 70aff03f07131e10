import { describe, expect, it } from "vitest";
import { generateInitialPassword, INITIAL_PASSWORD_LENGTH } from "./initial-password";
import { isCommonPassword, newPasswordProblem } from "./password-rules";

describe("newPasswordProblem", () => {
  it.each([
    ["12345678", "li-ming"],
    ["a1234567", "li-ming"],
    ["woaini1314", "li-ming"],
    ["qq123456", "li-ming"],
    ["nianbao123", "li-ming"],
    ["PASSWORD1", "li-ming"],
    ["iloveyou", "li-ming"],
    ["1qaz2wsx", "li-ming"],
  ])("refuses the common password %s", (password, username) => {
    expect(newPasswordProblem(password, username)).toBe("这是常见密码，很容易被猜中，请换一个");
  });

  it("refuses the username, whatever its case, and lengths outside 8–128", () => {
    expect(newPasswordProblem("li-ming-2026", "li-ming-2026")).toBe("密码不能与用户名相同");
    expect(newPasswordProblem("Li-Ming-2026", "li-ming-2026")).toBe("密码不能与用户名相同");
    expect(newPasswordProblem("Ab3$xyz", "li-ming")).toBe("密码至少 8 个字符");
    expect(newPasswordProblem("x".repeat(129), "li-ming")).toBe("密码不超过 128 个字符");
  });

  it("accepts a password of one's own", () => {
    expect(newPasswordProblem("凤城镇-春天-2026", "fengcheng")).toBeNull();
    expect(newPasswordProblem("correct horse battery", "li-ming")).toBeNull();
    expect(isCommonPassword("x7Gq-2mNp-Lk4r")).toBe(false);
  });
});

describe("generateInitialPassword", () => {
  it("draws 12 characters from an alphabet without look-alikes, differently each time", () => {
    const passwords = Array.from({ length: 200 }, generateInitialPassword);
    for (const password of passwords) {
      expect(password).toHaveLength(INITIAL_PASSWORD_LENGTH);
      expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]+$/);
      expect(newPasswordProblem(password, "someone")).toBeNull();
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
