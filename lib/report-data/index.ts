/**
 * Report values: their type, blank data, computed totals, the one diff, the three-way merge, the JSON codec,
 * the value schemas, the characters every text field refuses, the finding key and the kinds of reporting body. Universal: no I/O,
 * the same code in the browser and on the server. Reads layouts from lib/template, never
 * the other way.
 */
export type { ReportData, ReportMeta } from "./types";
export { blankReportData } from "./blank-report-data";
export { liveTotal, sumParts, withComputedTotals, type LiveTotal, type TotalStop } from "./computed-totals";
export { diffReportData } from "./diff-report-data";
export { applyMergeChoices, mergeKey, mergeReportData } from "./merge-report-data";
export type { MergeConflict, MergedValues, MergeSide, ReportMerge, ReportValues } from "./merge-report-data";
export { sumReports } from "./sum-reports";
export { contributionText } from "./contribution-text";
export { countyReportModeLabels, countyReportModes } from "./county-report-mode";
export type { CountyReportMode } from "./county-report-mode";
export type { CellContribution, ReportSum, SummaryContext, SummaryPart } from "./sum-reports";
export type { CellChange, NarrativeChange, ReportChange } from "./diff-report-data";
export { fieldLabel, metaFieldLabels } from "./field-labels";
export { findingKey } from "./finding-key";
export type { FindingIdentity } from "./finding-key";
export { guessOrganizationKind, organizationKinds, parseOrganizationKind } from "./organization-kinds";
export type { Organization, OrganizationKind } from "./organization-kinds";
export { draftReportSchema, isRealDate, isRealIsoDate, MAX_NARRATIVE_LENGTH, submitReportSchema } from "./schema";
export type { DraftReportSchema, SubmitReportSchema } from "./schema";
export type { SavedDraft, ServerCopy } from "./server-copy";
export {
  checkedText,
  CONTROL_CHARACTERS,
  textCharacterProblem,
  UNPAIRED_SURROGATE,
  withoutRefusedCharacters,
} from "./text-characters";
export type { TextCharacterMessages } from "./text-characters";
export { parseReportData, toStoredReportData } from "./stored-report-data";
export type { ReportDataError, ReportDataIssue, ReportDataReading, StoredReportData } from "./stored-report-data";
