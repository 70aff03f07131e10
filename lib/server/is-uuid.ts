/**
 * Whether an id from a URL or a form can be a row id at all. Checked before querying: a
 * malformed id is "not found", never a database error.
 */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
