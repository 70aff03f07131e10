/**
 * What a laid-out page holds: text pieces at their positions and rules. The
 * layout (layout-report.ts) produces them; report-pdf-document.tsx only
 * draws them. Positions in points from the page's top-left corner.
 *
 * Universal: plain data.
 */
export interface PlacedText {
  readonly x: number;
  /** Top of the line box. */
  readonly y: number;
  readonly text: string;
  /** A family registered by load-pdf-fonts.ts. */
  readonly family: string;
  readonly size: number;
  readonly lineHeight: number;
  /** Space after each glyph (justification). */
  readonly letterSpacing: number;
  /** Natural advance width of the text. */
  readonly width: number;
}

export interface PlacedRule {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** What a block on a page is, for the checks on the layout (tests) and nothing else. */
export type PlacedBlockRole = "title" | "heading" | "paragraph" | "signature" | "correction" | "table";

export interface PlacedBlock {
  readonly role: PlacedBlockRole;
  readonly top: number;
  readonly bottom: number;
  /** For a table part: the grid and its body rows [from, to). */
  readonly table?: { readonly id: string; readonly from: number; readonly to: number };
}

export interface PdfPageLayout {
  /** 1-based. */
  readonly number: number;
  readonly texts: readonly PlacedText[];
  readonly rules: readonly PlacedRule[];
  readonly blocks: readonly PlacedBlock[];
  readonly pageNumber: PlacedText;
}
