/**
 * Runs once when the server starts (Next.js instrumentation). Starts the render pool's
 * worker threads, which load the PDF fonts and render a sample report before their first
 * task (lib/render/render-in-worker.ts), so the first document a user waits for is not a
 * cold render; and the listener that tells this instance when another one changed the public
 * site (lib/publications/public-site-notices.ts). Only in the Node.js runtime: the pool is
 * worker threads.
 */
export async function register(): Promise<void> {
  // Next's own variables: the runtime, and whether this is `next build` prerendering pages.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ warmRenderPool }, { listenForPublicSiteChanges }] = await Promise.all([
    import("@/lib/publications/warm-render-pool"),
    import("@/lib/publications/public-site-notices"),
  ]);
  warmRenderPool();
  listenForPublicSiteChanges();
}
