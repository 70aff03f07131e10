/**
 * Memoize a pure function of one string. Re-validation after a one-cell
 * change passes the same narrative strings again, so their parses are
 * looked up, not recomputed. Bounded so a long editing session cannot grow it.
 */
export function memoizeText<T>(parse: (text: string) => T, maxEntries = 256): (text: string) => T {
  // Boxed so a parse result of `undefined` is still a hit.
  const cache = new Map<string, { readonly value: T }>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit) return hit.value;
    const value = parse(text);
    // Drop the oldest entry: Map iterates in insertion order.
    if (cache.size >= maxEntries) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(text, { value });
    return value;
  };
}
