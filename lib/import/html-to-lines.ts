/**
 * An HTML page → lines of cells (see SourceLine): each paragraph-like block
 * is a line, each table row a line with one cell per <td>/<th>. Covers the
 * ways government CMS pages publish the report: real <table> markup with
 * rowspan/colspan (spans need no handling, as rows are read by their labels
 * and figures in order), the table flattened to one value per <p>/<div>,
 * Word-exported markup (<o:p>, spans everywhere) and layout tables that
 * wrap the whole article. Universal: cheerio's htmlparser2 build, no Node API.
 */
import { load } from "cheerio/slim";
import type { AnyNode, Element } from "domhandler";
import type { SourceLine } from "./types";

/** Content that is never report text. */
const SKIPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "title",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "select",
  "option",
  "button",
  "input",
  "textarea",
  "map",
  "audio",
  "video",
]);

/** Elements that end a line before and after themselves. */
const BLOCKS = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "aside",
  "nav",
  "blockquote",
  "pre",
  "center",
  "figure",
  "figcaption",
  "address",
  "form",
  "fieldset",
  "hr",
  "caption",
  "body",
  "html",
]);

/** A cell longer than this holds an article, not a figure or a label: a layout table. */
const MAX_DATA_CELL_LENGTH = 300;

function isElement(node: AnyNode): node is Element {
  return node.nodeType === 1 && "attribs" in node;
}

function textOf(node: AnyNode): string {
  return node.nodeType === 3 && "data" in node ? node.data : "";
}

/** Whitespace as HTML renders it: runs collapse to one space (&nbsp; included). */
function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/** Rows of `table` itself, not of tables nested in its cells. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.name === "tr") rows.push(child);
    else if (child.name === "thead" || child.name === "tbody" || child.name === "tfoot") {
      for (const row of child.children) if (isElement(row) && row.name === "tr") rows.push(row);
    }
  }
  return rows;
}

function containsTable(node: Element): boolean {
  return node.children.some((c) => isElement(c) && (c.name === "table" || containsTable(c)));
}

/** A cell's text; its inner paragraphs and line breaks join with a space (labels broken over lines). */
function cellText(node: AnyNode): string {
  if (isElement(node)) {
    if (SKIPPED.has(node.name)) return "";
    if (node.name === "br") return " ";
    const inner = node.children.map(cellText).join("");
    return BLOCKS.has(node.name) ? ` ${inner} ` : inner;
  }
  return textOf(node);
}

export function htmlToLines(html: string): SourceLine[] {
  const $ = load(html);
  const lines: SourceLine[] = [];
  let buffer = "";
  const flush = (): void => {
    const text = collapse(buffer);
    buffer = "";
    if (text !== "") lines.push({ cells: [text] });
  };

  const walkTable = (table: Element): void => {
    for (const row of ownRows(table)) {
      const cells = row.children.filter((c): c is Element => isElement(c) && (c.name === "td" || c.name === "th"));
      const texts = cells.map((c) => collapse(cellText(c)));
      const isLayoutRow = cells.some(containsTable) || texts.some((t) => t.length > MAX_DATA_CELL_LENGTH);
      if (isLayoutRow) {
        for (const cell of cells) {
          walk(cell);
          flush();
        }
      } else if (texts.some((t) => t !== "")) {
        lines.push({ cells: texts, isTableRow: true });
      }
    }
  };

  const walk = (node: AnyNode): void => {
    if (!isElement(node)) {
      buffer += textOf(node);
      return;
    }
    const name = node.name.toLowerCase();
    if (SKIPPED.has(name)) return;
    if (name === "br") {
      flush();
      return;
    }
    if (name === "table") {
      flush();
      walkTable(node);
      return;
    }
    const isBlock = BLOCKS.has(name);
    if (isBlock) flush();
    for (const child of node.children) walk(child);
    if (isBlock) flush();
  };

  const root = $.root()[0];
  for (const child of root?.children ?? []) walk(child);
  flush();
  return lines;
}
