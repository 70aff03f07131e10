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

/** What a named cell of an uploaded report workbook holds, before it is checked against its cell type. */
export type WorkbookCellValue =
  | { readonly kind: "empty" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "formula" }
  | { readonly kind: "error"; readonly text: string }
  /** A date, a true/false or anything else that is not a figure. */
  | { readonly kind: "other" };

export type WorkbookNamedCell = {
  readonly name: string;
  /** Where the name points on the sheet read, as the office program shows it (C5). */
  readonly address: string;
  readonly value: WorkbookCellValue;
};

/**
 * A report workbook (lib/import/spreadsheet/write-report-workbook.ts) read back: every defined
 * name that points at a cell of its first visible sheet with that cell's content, and the names
 * that point elsewhere (another sheet, a deleted cell: #REF!).
 */
export type ReportWorkbookReading =
  | {
      readonly ok: true;
      readonly sheetName: string;
      readonly cells: readonly WorkbookNamedCell[];
      readonly misplacedNames: readonly string[];
    }
  | SpreadsheetRefusal;
