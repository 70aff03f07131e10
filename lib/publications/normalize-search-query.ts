export const MAX_SEARCH_QUERY_LENGTH = 50;

/**
 * The search text as it is matched: control characters (NUL, which PostgreSQL refuses in
 * text, line breaks, DEL…) turned into spaces, spaces trimmed, at most MAX_SEARCH_QUERY_LENGTH
 * characters. Anything typed or put in the address bar gives a search, never an error.
 */
export function normalizeSearchQuery(raw: string | undefined): string | undefined {
  const text = Array.from(raw?.replace(/\p{Cc}+/gu, " ").trim() ?? "")
    .slice(0, MAX_SEARCH_QUERY_LENGTH)
    .join("")
    .trim();
  return text === "" ? undefined : text;
}
