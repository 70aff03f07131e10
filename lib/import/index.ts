/**
 * Readers of published 政府信息公开工作年度报告 (plain text, HTML pages).
 * Universal: safe to import in the browser. The .docx and file readers use
 * Node APIs and live in './server'.
 */
export { readReportText, textToLines } from "./read-report-text";
export { readReportHtml } from "./read-report-html";
export { readReportLines } from "./read-report-lines";
export { htmlToLines } from "./html-to-lines";
export { decodeText } from "./decode-text";
export { labelKey } from "./label-key";
export { MAX_INPUT_BYTES, MAX_DOCX_BYTES, MAX_DOCX_XML_BYTES } from "./limits";
export type {
  ProblemCode,
  ProblemSeverity,
  ReadProblem,
  ReadResult,
  ReadStatus,
  ReportSource,
  SourceLine,
} from "./types";
export {
  organizationNameCore,
  isSameOrganizationName,
  matchOrganizationByName,
  type NamedOrganization,
  type OrganizationMatch,
} from "./match-organization-name";
export { placeLabel } from "./place-label";
export { parseReadingSummary, summarizeReading, type ReadingSummary, type ImportPlaceNote } from "./summarize-reading";
export {
  UPLOAD_EXTENSIONS,
  MAX_UPLOAD_FILE_BYTES,
  MAX_BATCH_FILES,
  MAX_BATCH_TOTAL_BYTES,
  formatMegabytes,
} from "./upload-limits";
