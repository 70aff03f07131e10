import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/account-data/account-fields";

// The rules for a password a user chooses (at first sign-in, after a reset, or whenever they
// change it): 8 to 128 characters, not their username, not a common password. Common means
// on zxcvbn-ts's list of the most used passwords (about 49,000, from leaked password sets),
// or on the short list below of passwords typical of Chinese users and of this product,
// compared without regard to case.
const chineseWeakPasswords = [
  "123456",
  "12345678",
  "123456789",
  "1234567890",
  "a123456",
  "a1234567",
  "a12345678",
  "abc123456",
  "aa123456",
  "qq123456",
  "woaini",
  "woaini520",
  "woaini521",
  "woaini1314",
  "woaini1314520",
  "5201314",
  "52013145201314",
  "1314520",
  "iloveyou1314",
  "88888888",
  "66666666",
  "11223344",
  "147258369",
  "147852369",
  "159357",
  "zxcvbnm123",
  "qwe123456",
  "asd123456",
  "wang123456",
  "li123456",
  "zhang123456",
  "admin123",
  "admin888",
  "admin123456",
  "password123",
  "zhengfu",
  "zhengfu123",
  "zwgk123456",
  "xinxigongkai",
  "nianbao",
  "nianbao123",
  "nianbao2024",
  "nianbao2025",
  "nianbao2026",
  "nianbao-demo",
];

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  // Decompressed on first use (the list ships compressed), then kept.
  common ??= new Set([...dictionary["passwords-common"], ...chineseWeakPasswords].map((word) => word.toLowerCase()));
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/** Why a chosen password is refused, as the message shown next to the field; null when it is fine. */
export function newPasswordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`;
  if (password.length > MAX_PASSWORD_LENGTH) return `密码不超过 ${MAX_PASSWORD_LENGTH} 个字符`;
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return "密码不能与用户名相同";
  if (isCommonPassword(password) || isCommonPassword(password.trim())) return "这是常见密码，很容易被猜中，请换一个";
  return null;
}
