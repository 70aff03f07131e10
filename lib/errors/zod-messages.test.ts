import { describe, expect, it } from "vitest";
import { z } from "zod";
import { configureZodMessages } from "./zod-messages";

configureZodMessages();

const messageOf = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues[0]?.message;

describe("zod messages for a value out of its bound", () => {
  it.each([
    ["an empty required text", z.string().min(1), "", "请填写此项"],
    ["a text shorter than its minimum", z.string().min(3), "ab", "请至少填写 3 个字"],
    ["a text longer than its maximum", z.string().max(5), "abcdef", "内容过长，请控制在 5 字以内"],
    ["too few choices", z.array(z.string()).min(2), ["a"], "请至少选择 2 项"],
    ["too many choices", z.array(z.string()).max(1), ["a", "b"], "最多 1 项"],
    ["a number below its inclusive minimum", z.number().min(1), 0, "不能小于 1"],
    ["a number above its inclusive maximum", z.number().max(100), 101, "不能大于 100"],
    ["a number not above its exclusive minimum", z.number().gt(0), 0, "应大于 0"],
    ["a number not below its exclusive maximum", z.number().lt(10), 10, "应小于 10"],
    ["a file over its size", z.file().max(1), new File(["ab"], "a.txt"), "文件过大"],
  ])("words %s", (_case, schema, input, message) => {
    expect(messageOf(schema, input)).toBe(message);
  });
});
