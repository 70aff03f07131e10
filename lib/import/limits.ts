/**
 * Size caps of the readers. A yearly report is 10–100 KB of text; a CMS
 * page with its furniture rarely exceeds 1 MB; a .docx with a seal image a
 * few MB. Anything far larger is the wrong file or an attack, and reading
 * it would only burn memory and time.
 */

/** Text and HTML inputs, in bytes for files and in characters for strings. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

/** A .docx as uploaded (compressed). */
export const MAX_DOCX_BYTES = 16 * 1024 * 1024;

/** Everything in a .docx once inflated; guards against zip bombs. */
export const MAX_DOCX_UNZIPPED_BYTES = 64 * 1024 * 1024;

/** Entries in a .docx archive; real ones have 10–40. */
export const MAX_DOCX_ENTRIES = 2000;
