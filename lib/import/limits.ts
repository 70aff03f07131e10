/**
 * Size caps of the readers. A yearly report is 10–100 KB of text; a CMS
 * page with its furniture rarely exceeds 1 MB; a .docx with a seal image a
 * few MB, of which its text (word/document.xml and the parts beside it) is
 * 50 KB–1 MB. Anything far larger is the wrong file or an attack, and
 * reading it would only burn memory and time.
 */

/** Text and HTML inputs, in bytes for files and in characters for strings. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

/** A .docx as uploaded (compressed). */
export const MAX_DOCX_BYTES = 16 * 1024 * 1024;

/** A PDF as published: a report with its seal image and embedded fonts is 0.1–3 MB. */
export const MAX_PDF_BYTES = 16 * 1024 * 1024;

/** Pages of a PDF; a yearly report has 4–20. More is the wrong file, or an attack on the reader's time. */
export const MAX_PDF_PAGES = 100;

/** Text runs of a whole PDF; a 10-page report has about 3 000 (every figure and label is one). */
export const MAX_PDF_TEXT_RUNS = 60_000;

/** The largest file any reader accepts; callers can refuse bigger files before reading them. */
export const MAX_FILE_BYTES = Math.max(MAX_DOCX_BYTES, MAX_INPUT_BYTES, MAX_PDF_BYTES);

/**
 * The XML parts of a .docx (document, styles, numbering, notes…) once inflated: what
 * mammoth parses, at about 100 bytes of memory per byte. Images and other binary parts are
 * never inflated, so they do not count. Guards against zip and XML bombs.
 */
export const MAX_DOCX_XML_BYTES = 4 * 1024 * 1024;

/** Entries in a .docx archive; real ones have 10–40. */
export const MAX_DOCX_ENTRIES = 2000;

/**
 * Nesting of HTML elements. Word's and CMS pages stay under 40 levels; deeper markup costs
 * the parser time with the square of the depth and the DOM walk its stack.
 */
export const MAX_HTML_DEPTH = 200;

/** HTML elements in one page; a report's page, Word's span-heavy export included, has a few thousand. */
export const MAX_HTML_ELEMENTS = 50_000;

/**
 * How long one upload may be read, in its worker thread, before the worker is stopped: a
 * report takes 10–150 ms, the worst input the caps above allow about a second.
 */
export const READ_TIME_LIMIT_MS = 5_000;

/** The heap of a reading worker: a report needs 20–60 MB; the caps above keep a hostile file under this. */
export const READ_MEMORY_LIMIT_MB = 256;
