/**
 * What the spreadsheet reader answers: a header and rows of trimmed strings, each row with
 * its number as the person sees it in Excel, WPS or a text editor, and the problems the
 * reader met in its cells (a formula, an over-long cell, a number that lost its digits);
 * or a refusal of the whole file with one zh-CN message. Universal (plain data; it crosses
 * the worker boundary by structured clone).
 */
export type SpreadsheetFormat = "xlsx" | "csv";

export type SpreadsheetEncoding = "utf-8" | "gb18030" | "utf-16";

export type SpreadsheetCellProblem = {
  /** 0-based column of the cell. */
  readonly column: number;
  readonly message: string;
};

export type SpreadsheetRow = {
  /** The row's number in the file (1-based, the header's row counted). */
  readonly rowNumber: number;
  /** Cells left to right, trimmed; '' for an empty cell. As long as the header at least. */
  readonly cells: readonly string[];
  readonly problems: readonly SpreadsheetCellProblem[];
};

export type SpreadsheetRefusalCode =
  | "unsupported"
  | "empty"
  | "tooLarge"
  | "damaged"
  | "legacyFormat"
  | "macros"
  | "externalLinks"
  | "archiveTooLarge"
  | "archiveUnsafe"
  | "notText"
  | "noSheet"
  | "noHeader"
  | "tooManyRows"
  | "tooManyColumns"
  | "tooComplex"
  | "busy";

export type SpreadsheetReading =
  | {
      readonly ok: true;
      readonly format: SpreadsheetFormat;
      /** CSV only: how its bytes were decoded. */
      readonly encoding: SpreadsheetEncoding | null;
      /** .xlsx only: the worksheet read (the first visible one). */
      readonly sheetName: string | null;
      readonly headerRowNumber: number;
      readonly header: readonly string[];
      readonly rows: readonly SpreadsheetRow[];
    }
  | { readonly ok: false; readonly code: SpreadsheetRefusalCode; readonly message: string };

export type SpreadsheetRefusal = Extract<SpreadsheetReading, { ok: false }>;
