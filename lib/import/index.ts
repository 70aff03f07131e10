/**
 * Readers of published 政府信息公开工作年度报告 (plain text, HTML pages).
 * Universal: safe to import in the browser. The .docx and file readers use
 * Node APIs and live in './server'.
 */
export { readReportText, textToLines } from './read-report-text';
export { readReportHtml } from './read-report-html';
export { readReportLines } from './read-report-lines';
export { htmlToLines } from './html-to-lines';
export { decodeText } from './decode-text';
export { guessOrganizationKind } from './guess-organization-kind';
export { labelKey } from './label-key';
export { MAX_INPUT_BYTES, MAX_DOCX_BYTES, MAX_DOCX_UNZIPPED_BYTES } from './limits';
export type {
  OrganizationKind,
  ProblemCode,
  ProblemSeverity,
  ReadProblem,
  ReadResult,
  ReadStatus,
  ReportSource,
  SourceLine,
} from './types';
