import type { Layout } from "./types";

/**
 * `derive` computed once per layout object (a WeakMap, so a layout built in a test is not
 * kept alive): compiled layouts, value schemas and the other views derived from a layout.
 */
export function memoizeByLayout<T>(derive: (layout: Layout) => T): (layout: Layout) => T {
  const cache = new WeakMap<Layout, T>();
  return (layout) => {
    const known = cache.get(layout);
    if (known !== undefined) return known;
    const value = derive(layout);
    cache.set(layout, value);
    return value;
  };
}
