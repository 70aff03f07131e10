/**
 * Caps on report files uploaded through the app (the readers' own limits in limits.ts are
 * wider, for the command line). Universal: the upload forms show them and pre-check files,
 * the route handlers enforce them before reading anything.
 */
export const UPLOAD_EXTENSIONS = [".txt", ".html", ".htm", ".docx", ".pdf"] as const;

/** One report file: published reports are well under 1 MB, images included. */
export const MAX_UPLOAD_FILE_BYTES = 5 * 1024 * 1024;

/** An administrator's batch: files per request and their total size. */
export const MAX_BATCH_FILES = 20;
export const MAX_BATCH_TOTAL_BYTES = 20 * 1024 * 1024;

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes >= 1024 * 1024 ? 1 : 2)} MB`;
}
