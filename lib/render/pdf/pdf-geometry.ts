/**
 * The page of GB/T 9704-2012 (党政机关公文格式), in PDF points (1/72 in):
 * A4; margins top 37 mm, bottom 35 mm, left (binding side) 28 mm, right
 * 26 mm, i.e. a 156 × 225 mm text block of 22 lines of 28 characters in 3号
 * (the body size is set so that exactly 28 characters fill a line, and the
 * line pitch so that exactly 22 lines fill the block). Page numbers in 4号,
 * 7 mm below the text block, one character in from its outer edge.
 *
 * Universal: numbers only.
 */
const MM = 72 / 25.4;

export const PAGE_WIDTH = 210 * MM;
export const PAGE_HEIGHT = 297 * MM;
export const MARGIN = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM } as const;

/** 156 mm. */
export const TEXT_BLOCK_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;
/** 225 mm. */
export const TEXT_BLOCK_HEIGHT = PAGE_HEIGHT - MARGIN.top - MARGIN.bottom;
export const TEXT_TOP = MARGIN.top;
export const TEXT_BOTTOM = PAGE_HEIGHT - MARGIN.bottom;
export const TEXT_LEFT = MARGIN.left;
export const TEXT_RIGHT = PAGE_WIDTH - MARGIN.right;

export const LINES_PER_PAGE = 22;
export const CHARACTERS_PER_LINE = 28;
/** 3号 as the grid sets it: 28 characters to the line (15.8 pt). */
export const BODY_SIZE = TEXT_BLOCK_WIDTH / CHARACTERS_PER_LINE;
/** 22 lines to the page (29.0 pt). */
export const LINE_PITCH = TEXT_BLOCK_HEIGHT / LINES_PER_PAGE;
/** 2号. */
export const TITLE_SIZE = 22;
export const TITLE_LINE = TITLE_SIZE * 1.5;
/** 五号. */
export const TABLE_SIZE = 10.5;
export const TABLE_LINE = TABLE_SIZE * 1.3;
/** Table figures are shrunk down to this size before they wrap. */
export const TABLE_MIN_SIZE = 7;
/** 4号. */
export const PAGE_NUMBER_SIZE = 14;
/** The page number's line: its dashes sit 7 mm below the text block. */
export const PAGE_NUMBER_TOP = TEXT_BOTTOM + 7 * MM - PAGE_NUMBER_SIZE * 0.35;
export const CELL_PADDING_X = 2.5;
export const CELL_PADDING_Y = 2.5;
export const RULE_WIDTH = 0.75;
