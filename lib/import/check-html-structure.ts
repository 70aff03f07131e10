/**
 * Whether an HTML page is shaped like a document, checked with htmlparser2's streaming
 * parser (the one cheerio builds its DOM with, so depth is counted the way the DOM will
 * nest, implied closes and void elements included) before any DOM exists. Markup nested
 * thousands of levels deep costs the parser time with the square of the depth and
 * overflows the stack of any recursive walk; millions of elements cost memory. The scan
 * stops at the first element past a limit, so a hostile page is refused after reading
 * only as far as that element. Universal: htmlparser2 has no Node API.
 */
import { Parser } from "htmlparser2";
import { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from "./limits";

export type HtmlStructureCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: "tooDeep" | "tooManyElements"; readonly limit: number };

export function checkHtmlStructure(
  html: string,
  limits: { readonly maxDepth: number; readonly maxElements: number } = {
    maxDepth: MAX_HTML_DEPTH,
    maxElements: MAX_HTML_ELEMENTS,
  },
): HtmlStructureCheck {
  let depth = 0;
  let elements = 0;
  let refusal: HtmlStructureCheck = { ok: true };
  const parser = new Parser({
    onopentagname() {
      depth += 1;
      elements += 1;
      if (depth > limits.maxDepth) refusal = { ok: false, reason: "tooDeep", limit: limits.maxDepth };
      else if (elements > limits.maxElements)
        refusal = { ok: false, reason: "tooManyElements", limit: limits.maxElements };
      else return;
      // Stops the tokenizer: nothing after this element is read.
      parser.pause();
    },
    onclosetag() {
      depth -= 1;
    },
  });
  parser.write(html);
  return refusal;
}
