import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkedText, textCharacterProblem, withoutRefusedCharacters } from "./text-characters";

describe("textCharacterProblem", () => {
  it("accepts every real character, including those outside the basic plane", () => {
    for (const text of ["", "政务公开", "😀👍🏽", "𠀀𪚥", "制表\t换行\r\n", "\uD83D\uDE00"])
      expect(textCharacterProblem(text)).toBeNull();
  });

  it.each([
    ["a high surrogate at the end", "问题\uD800", "第 3 个字（“问题”之后）"],
    ["a low surrogate at the start", "\uDC00问题", "第 1 个字处"],
    ["a pair in the wrong order", "问题\uDE00\uD83D", "第 3 个字（“问题”之后）"],
    ["half an emoji after whole ones, counted as the clerk counts", "😀😀\uD83D", "第 3 个字（“😀😀”之后）"],
  ])("points at %s", (_, text, place) => {
    expect(textCharacterProblem(text)).toBe(`${place}是一个无法识别的字符（常显示为 �），请删除后重新输入`);
  });

  it("quotes at most the eight characters before, on one line", () => {
    expect(textCharacterProblem("第一段。\n第二段写\uD800")).toBe(
      "第 10 个字（“一段。 第二段写”之后）是一个无法识别的字符（常显示为 �），请删除后重新输入",
    );
  });

  it("points at a control character, or says what the field asks", () => {
    expect(textCharacterProblem("甲\u0000乙")).toBe("第 2 个字（“甲”之后）是一个看不见的控制字符，请删除后重新输入");
    expect(textCharacterProblem("甲\u007F", { control: "批注含有无法显示的控制字符，请删除后重试。" })).toBe(
      "批注含有无法显示的控制字符，请删除后重试。",
    );
  });
});

describe("withoutRefusedCharacters", () => {
  it("removes lone surrogates and control characters, keeping whole emoji, tabs and line breaks", () => {
    expect(withoutRefusedCharacters("a\uD800b\u0007c😀\t\n\uDFFF")).toBe("abc😀\t\n");
  });
});

describe("checkedText", () => {
  it("adds the check to a string schema, before its trim", () => {
    const schema = checkedText(z.string()).trim().max(10);
    expect(schema.safeParse("  好\uD800").error?.issues[0]?.message).toBe(
      "第 4 个字（“好”之后）是一个无法识别的字符（常显示为 �），请删除后重新输入",
    );
    expect(schema.parse("  好  ")).toBe("好");
  });
});
