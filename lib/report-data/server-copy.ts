// What saving a draft answers, on both sides of the wire: lib/reports/save-draft.ts
// produces these, the wizard's autosave (lib/report-form/draft-saver.ts) reads them.
import type { ReportStatus } from "../workflow/transitions";
import type { ReportData } from "./types";

/** A save the server stored: the report's new version and when. */
export interface SavedDraft {
  readonly version: number;
  /** ISO time of the save. */
  readonly savedAt: string;
}

/**
 * The server's copy of a report, sent back when a save is refused because someone saved
 * in between (or the report left the clerk's hands), so the clerk can compare and choose.
 */
export interface ServerCopy {
  readonly version: number;
  readonly status: ReportStatus;
  readonly data: ReportData;
  /** ISO time of the server's last save. */
  readonly updatedAt: string;
}
