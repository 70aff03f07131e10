// The filters of the administration lists as they arrive in a page's address (?unit=…&page=…).
// Anything malformed is dropped rather than refused: a list page always shows a list.
import { z } from "zod";

const text = (max: number) =>
  z
    .string()
    .transform((value) => value.replace(/[\p{Cc}\p{Cf}]+/gu, " ").trim())
    .pipe(z.string().max(max))
    .transform((value) => value || undefined);

const fields = {
  page: z.coerce.number().int().min(1).max(100_000),
  unit: z.uuid(),
  q: text(50),
  user: text(40),
  action: text(100),
};

export type ListQuery = {
  page: number;
  unit?: string;
  q?: string;
  user?: string;
  action?: string;
};

/** A page's query string as Next.js hands it over. */
export type SearchParams = Record<string, string | string[] | undefined>;

export function parseListQuery(params: SearchParams): ListQuery {
  const query: ListQuery = { page: 1 };
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
    const raw = params[key];
    const parsed = fields[key].safeParse(Array.isArray(raw) ? raw[0] : raw);
    if (parsed.success && parsed.data !== undefined) (query as Record<string, unknown>)[key] = parsed.data;
  }
  return query;
}

/** The address of another page of the same list, with the same filters. */
export function listPageHref(path: string, query: ListQuery, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, page })) {
    if (value !== undefined && !(key === "page" && value === 1)) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
