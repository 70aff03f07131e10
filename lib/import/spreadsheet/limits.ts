/**
 * Caps of the spreadsheet reader (lists of units, lists of accounts). Universal: the upload
 * pages show them and pre-check a chosen file, the server enforces them before and while
 * reading. A county's list of units has a few hundred rows; anything near these caps is the
 * wrong file or an attack, and is refused early with a zh-CN message.
 */
export const SPREADSHEET_EXTENSIONS = [".xlsx", ".csv"] as const;

/** The uploaded file, compressed (.xlsx) or not (.csv). */
export const MAX_SPREADSHEET_BYTES = 5 * 1024 * 1024;

/** Data rows below the header row. */
export const MAX_SPREADSHEET_ROWS = 5_000;

/** Columns holding a value; a list of units or accounts has fewer than ten. */
export const MAX_SPREADSHEET_COLUMNS = 30;

/** Characters of one cell; longer cells are cut here and the row gets a problem. */
export const MAX_CELL_CHARACTERS = 500;

/**
 * The parts of an .xlsx that are read (workbook, shared strings, styles, one worksheet) once
 * inflated. 5,000 rows of ten cells take about 5 MB; past this it is a zip or XML bomb.
 */
export const MAX_XLSX_XML_BYTES = 24 * 1024 * 1024;

/** Entries in an .xlsx archive; Excel's and WPS's have 10–30. */
export const MAX_XLSX_ENTRIES = 1_000;
