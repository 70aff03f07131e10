/**
 * Text as the PDF can print it with the one embedded font family.
 *
 * A PDF shows an empty box (.notdef) for a character its font lacks, and
 * react-pdf silently falls back to Helvetica, which has no CJK at all. Noto
 * Serif SC covers the GB 18030 core, but not every rare ideograph
 * (CJK Extension B and later: 𠀀) nor emoji. Such a character is printed as
 * 〓 (U+3013 GETA MARK), the mark Chinese typesetting has long used for "a
 * character the type case lacks", so the reader sees that something stood
 * there; the HTML and JSON keep the original character.
 *
 * Invisible format characters are dropped rather than drawn: bidi controls
 * (an RLO would make react-pdf reverse the rest of the line), zero-width
 * spaces and joiners, variation selectors, soft hyphens and the BOM.
 *
 * ASCII spaces become no-break spaces (U+00A0). react-pdf justifies a line
 * by stretching its spaces, and the break opportunities between Chinese
 * characters carry no stretch, so a stray space in Chinese prose
 * ("从 2023 年 1 月") would be widened into a gap of several characters. The
 * line-break units still allow a break after it (split-cjk-line-units.ts).
 *
 * Universal and pure; the glyph test is passed in.
 */

import { graphemes } from "./graphemes";
export const MISSING_GLYPH_MARK = "〓";

const NO_BREAK_SPACE = "\u00A0";

/** Format characters with no visible glyph of their own. */
const INVISIBLE =
  /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF\u{E0000}-\u{E0FFF}]/gu;

/** C0/C1 controls; tabs become spaces. */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * `hasGlyph(codePoint)` says whether every font the text may be set in can
 * draw the code point. A grapheme missing any glyph becomes one 〓.
 */
export function toPrintableText(text: string, hasGlyph: (codePoint: number) => boolean): string {
  const cleaned = text.replace(/[\t ]/g, NO_BREAK_SPACE).replace(CONTROLS, "");
  let out = "";
  for (const grapheme of graphemes(cleaned)) {
    const visible = grapheme.replace(INVISIBLE, "");
    if (visible === "") continue;
    if (visible === "\n" || visible === "\r\n" || visible === "\r") {
      out += "\n";
      continue;
    }
    let printable = true;
    for (const char of visible) {
      const codePoint = char.codePointAt(0);
      if (codePoint === undefined || !hasGlyph(codePoint)) {
        printable = false;
        break;
      }
    }
    out += printable ? visible : MISSING_GLYPH_MARK;
  }
  return out;
}
