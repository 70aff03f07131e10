/**
 * The characters every text field refuses, wherever the text goes (report texts, review
 * comments, reasons, names): control characters, which pasted Word text sometimes carries
 * and PostgreSQL refuses outright when it is NUL, and UTF-16 surrogates without their
 * partner, which are not characters at all. JSON can spell one (`"\ud800"`), so a server
 * action receives it as sent, but PostgreSQL refuses it in a JSON column (“invalid input
 * syntax for type json”) and turns it into U+FFFD in a text column. A browser shows one as
 * �. Each refusal says where the character is, since neither kind can be seen as itself.
 */
import type { z } from "zod";

/** C0 controls except tab, LF, CR; and DEL. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
export const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const badCharacters = new RegExp(`${UNPAIRED_SURROGATE.source}|${CONTROL_CHARACTERS.source}`, "g");

/** Where the character at `index` is, as the clerk counts: the n-th character and the text before it. */
function placeOf(text: string, index: number): string {
  const before = Array.from(text.slice(0, index));
  const context = before.slice(-8).join("").replace(badCharacters, "").replace(/\s+/g, " ").trim();
  const position = `第 ${before.length + 1} 个字`;
  return context ? `${position}（“${context}”之后）` : `${position}处`;
}

export interface TextCharacterMessages {
  /** The refusal of a control character, instead of the default that says where it is. */
  readonly control?: string;
}

/** What is wrong with the characters of `text`, in zh-CN, pointing at the first bad one; null when nothing. */
export function textCharacterProblem(text: string, messages: TextCharacterMessages = {}): string | null {
  const surrogate = UNPAIRED_SURROGATE.exec(text);
  if (surrogate) return `${placeOf(text, surrogate.index)}是一个无法识别的字符（常显示为 �），请删除后重新输入`;
  const control = CONTROL_CHARACTERS.exec(text);
  if (control) return messages.control ?? `${placeOf(text, control.index)}是一个看不见的控制字符，请删除后重新输入`;
  return null;
}

/** `text` without the characters textCharacterProblem refuses (the wizard's one-click fix). */
export function withoutRefusedCharacters(text: string): string {
  return text.replace(badCharacters, "");
}

/** The character check of every text field, added to a string schema (before any trim, so places match the text sent). */
export function checkedText<T extends z.ZodType<string>>(schema: T, messages?: TextCharacterMessages): T {
  return schema.superRefine((value, context) => {
    const problem = textCharacterProblem(value, messages);
    if (problem) context.addIssue({ code: "custom", message: problem, input: value });
  });
}
