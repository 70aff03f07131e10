import { describe, expect, it } from "vitest";
import { MISSING_GLYPH_MARK, toPrintableText } from "./to-printable-text";

/** A stand-in font: BMP CJK, ASCII and CJK punctuation only. */
const hasGlyph = (cp: number): boolean =>
  cp === 0xa0 ||
  (cp >= 0x20 && cp < 0x7f) ||
  (cp >= 0x3000 && cp <= 0x303f) ||
  (cp >= 0x4e00 && cp <= 0x9fff) ||
  (cp >= 0xff00 && cp <= 0xffef);

describe("toPrintableText", () => {
  it("turns spaces into no-break spaces so justification cannot widen them", () => {
    expect(toPrintableText("从 2023 年", hasGlyph)).toBe("从\u00A02023\u00A0年");
  });

  it("keeps what the font can draw", () => {
    expect(toPrintableText("政府信息公开（2023）。", hasGlyph)).toBe("政府信息公开（2023）。");
  });

  it("marks each missing grapheme with one 〓", () => {
    expect(toPrintableText("生僻字𠀀与表情👩‍👩‍👧🇨🇳。", hasGlyph)).toBe(
      `生僻字${MISSING_GLYPH_MARK}与表情${MISSING_GLYPH_MARK}${MISSING_GLYPH_MARK}。`,
    );
  });

  it("drops invisible format characters instead of drawing boxes", () => {
    expect(toPrintableText("\u202E倒序\u202C\u2066隔离\u2069\u200B零宽\uFEFF\u00AD", hasGlyph)).toBe("倒序隔离零宽");
    expect(toPrintableText("a\tb\u0007c", hasGlyph)).toBe("a\u00A0bc");
  });
});
