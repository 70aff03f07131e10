// The fields of an account as administrators and users type them, with their zh-CN
// messages. Universal: the forms show the limits, the server actions parse with the same
// schemas, and the spreadsheet import checks each row with them.
import { z } from "zod";
import { checkedText } from "@/lib/report-data";
import { roles } from "@/lib/workflow/roles";

export const MIN_USERNAME_LENGTH = 3;
export const MAX_USERNAME_LENGTH = 40;
export const MAX_DISPLAY_NAME_LENGTH = 50;
export const MAX_PHONE_LENGTH = 20;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/**
 * Usernames are stored in lower case (Better Auth's username plugin compares them so): pinyin
 * with dots, hyphens and underscores, starting with a letter or digit.
 */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/** Control characters, and invisible format characters (bidirectional overrides, zero-width spaces). */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const CONTROL = /\p{Cc}/u;

export function hasInvisibleCharacters(text: string): boolean {
  return INVISIBLE.test(text);
}

export const usernameField = z
  .string({ error: "请输入用户名" })
  .trim()
  .toLowerCase()
  .min(1, { error: "请输入用户名" })
  .min(MIN_USERNAME_LENGTH, { error: `用户名至少 ${MIN_USERNAME_LENGTH} 个字符` })
  .max(MAX_USERNAME_LENGTH, { error: `用户名不超过 ${MAX_USERNAME_LENGTH} 个字符` })
  .regex(USERNAME_PATTERN, { error: "用户名只能用小写字母、数字和 . _ -，并以字母或数字开头" });

export const displayNameField = checkedText(z.string({ error: "请输入姓名" }), {
  control: "姓名不能包含控制字符或不可见字符",
})
  .trim()
  .min(1, { error: "请输入姓名" })
  .max(MAX_DISPLAY_NAME_LENGTH, { error: `姓名不超过 ${MAX_DISPLAY_NAME_LENGTH} 个字` })
  .refine((name) => !hasInvisibleCharacters(name), { error: "姓名不能包含控制字符或不可见字符" });

/** Optional: an empty value is no phone number. Mobile (13812345678, +86 …) or landline (0356-1234567). */
export const phoneField = z
  .string({ error: "手机号格式不正确" })
  .trim()
  .max(MAX_PHONE_LENGTH, { error: `电话号码不超过 ${MAX_PHONE_LENGTH} 个字符` })
  .regex(/^(\+?[0-9][0-9 -]{3,18}[0-9])?$/, { error: "电话号码只能包含数字、空格和连字符（可以 + 开头）" })
  .transform((phone) => (phone === "" ? null : phone));

export const roleField = z.enum(roles, { error: "请选择角色" });

/** A unit chosen from the list; empty for a system administrator, who belongs to none. */
export const unitField = z
  .string({ error: "请选择单位" })
  .regex(/^$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: "请选择单位" })
  .transform((id) => (id === "" ? null : id.toLowerCase()));

/** A password a user types: its length and characters (the common-password check is the server's). */
export const newPasswordField = z
  .string({ error: "请输入新密码" })
  .min(1, { error: "请输入新密码" })
  .min(MIN_PASSWORD_LENGTH, { error: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符` })
  .max(MAX_PASSWORD_LENGTH, { error: `密码不超过 ${MAX_PASSWORD_LENGTH} 个字符` })
  .refine((password) => !CONTROL.test(password), { error: "密码不能包含控制字符" });

export const accountUuid = z.uuid({ error: "账号编号无效" });

/** What an administrator sets of an account, when creating it and when changing it. */
const accountSettings = {
  name: displayNameField,
  organizationId: unitField,
  role: roleField,
  phone: phoneField.default(""),
};

export const createAccountInput = z.strictObject({ username: usernameField, ...accountSettings });
export type CreateAccountInput = z.infer<typeof createAccountInput>;

export const changeAccountInput = z.strictObject({ userId: accountUuid, ...accountSettings });
export type ChangeAccountInput = z.infer<typeof changeAccountInput>;

export const accountIdInput = z.strictObject({ userId: accountUuid });

export const changeOwnPasswordInput = z
  .strictObject({
    /** Not asked while a new password is due: the user has just signed in with the initial one. */
    currentPassword: checkedText(z.string().max(MAX_PASSWORD_LENGTH, { error: "当前密码不正确" }), {
      control: "当前密码不正确",
    }).optional(),
    newPassword: newPasswordField,
    confirmPassword: checkedText(z.string({ error: "请再次输入新密码" }), { control: "密码不能包含控制字符" }),
  })
  .refine((input) => input.confirmPassword === input.newPassword, {
    error: "两次输入的新密码不一致",
    path: ["confirmPassword"],
  });
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordInput>;
