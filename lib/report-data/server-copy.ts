import type { ReportStatus } from "../workflow/transitions";
import type { ReportData } from "./types";

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
