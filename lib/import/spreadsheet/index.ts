/**
 * The spreadsheet reader's universal half: limits, messages and the reading's types (the
 * upload pages show the limits and the messages). The readers themselves run in the reading
 * pool: `readSpreadsheetUpload` from ./read-spreadsheet-upload (server-only).
 */
export * from "./limits";
export { spreadsheetMessages, columnLetter } from "./messages";
export type * from "./types";
