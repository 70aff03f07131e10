/**
 * Counts renders of the form's components, for the wizard benchmark
 * (bench/wizard.bench.ts) to report renders per keystroke. Off unless the
 * page is opened with `?probe=renders`; when off, `noteRender` is one
 * null check. Counted in the components' bodies, so what is counted is what
 * React actually rendered (production builds have no Profiler).
 */
let counts: Map<string, number> | null = null;

export function noteRender(component: string): void {
  if (counts) counts.set(component, (counts.get(component) ?? 0) + 1);
}

export interface RenderProbe {
  read(): Record<string, number>;
  total(): number;
  reset(): void;
}

export function enableRenderProbe(target: { __nianbaoRenders?: RenderProbe }): void {
  if (counts) return;
  const map = new Map<string, number>();
  counts = map;
  target.__nianbaoRenders = {
    read: () => Object.fromEntries(map),
    total: () => [...map.values()].reduce((a, b) => a + b, 0),
    reset: () => map.clear(),
  };
}

/** Turns the probe on when the page was opened with `?probe=renders` (the benchmark does). */
export function enableRenderProbeFromUrl(page: { location: Location; __nianbaoRenders?: RenderProbe }): void {
  if (new URLSearchParams(page.location.search).get("probe") === "renders") enableRenderProbe(page);
}
