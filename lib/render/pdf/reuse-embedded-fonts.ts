/**
 * One embedded font per face and document, instead of one per text run.
 *
 * @react-pdf/renderer draws each run with `doc.font(fontkitFont, size)`, handing pdfkit the
 * font object rather than a registered name. pdfkit (0.20) keys its font cache by name only,
 * so for an object it opens a new EmbeddedFont on every call and then compares it with the
 * one it has by JSON-serializing both fonts' `name` tables — for the CJK faces a long table,
 * for every run of every page. That was about a third of a warm render and most of its
 * garbage (`npm run bench -- render`). Here `font()` remembers, per document, the
 * EmbeddedFont it settled on for each font object and reuses it; a string, a buffer or a
 * first sight of an object still takes pdfkit's own path, so what is embedded is the same.
 * reuse-embedded-fonts.test.ts renders a report and checks it against pdfkit's unpatched
 * result, and fails if pdfkit's `font()` changes shape.
 */
import PDFDocument from "pdfkit";

type FontMethod = (this: FontState, src: unknown, family?: unknown, size?: unknown) => FontState;

/** The pdfkit document fields `font()` reads and writes (pdfkit js/pdfkit.node.mjs, FontsMixin). */
type FontState = {
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
  fontSize(size: unknown): FontState;
  font: FontMethod;
};

const MARK = Symbol.for("nianbao.reuseEmbeddedFonts");
const perDocument = new WeakMap<object, Map<object, unknown>>();

type Patched = FontMethod & { [MARK]?: FontMethod };

/** pdfkit's own `font()`, before this module wrapped it. */
export function unpatchedFont(): FontMethod {
  const current = (PDFDocument.prototype as unknown as FontState).font as Patched;
  return current[MARK] ?? current;
}

/** Installs the reuse on pdfkit's document class once per process; later calls do nothing. */
export function reuseEmbeddedFonts(): void {
  const prototype = PDFDocument.prototype as unknown as FontState;
  if ((prototype.font as Patched)[MARK]) return;
  const original = prototype.font;
  const font: Patched = function (this: FontState, src, family, size) {
    if (src === null || typeof src !== "object" || ArrayBuffer.isView(src) || src instanceof ArrayBuffer)
      return original.call(this, src, family, size);
    const fonts = perDocument.get(this) ?? new Map<object, unknown>();
    perDocument.set(this, fonts);
    const known = fonts.get(src);
    if (known === undefined) {
      original.call(this, src, family, size);
      fonts.set(src, this._font);
      return this;
    }
    // What pdfkit's font() does on a cache hit: the source, the family, the size, the font.
    const fontSize = typeof family === "number" ? family : size;
    this._fontSource = src;
    this._fontFamily = typeof family === "number" ? null : family;
    if (fontSize != null) this.fontSize(fontSize);
    this._font = known;
    return this;
  };
  font[MARK] = original;
  prototype.font = font;
}
