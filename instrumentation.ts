/**
 * Runs once when the server starts (Next.js instrumentation). Starts the render pool's
 * worker threads, which load the PDF fonts and render a sample report before their first
 * task (lib/render/render-in-worker.ts), so the first document a user waits for is not a
 * cold render; the listener that tells this instance when another one changed the public
 * site (lib/publications/public-site-notices.ts); and the job queue's workers
 * (lib/jobs/run-job-workers.ts), which take heavy work sent by any instance. Only in the
 * Node.js runtime: the pool is worker threads.
 */
export async function register(): Promise<void> {
  // Next's own variables: the runtime, and whether this is `next build` prerendering pages.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ warmRenderPool }, { listenForPublicSiteChanges }, { runJobWorkers }] = await Promise.all([
    import("@/lib/publications/warm-render-pool"),
    import("@/lib/publications/public-site-notices"),
    import("@/lib/jobs/run-job-workers"),
  ]);
  warmRenderPool();
  listenForPublicSiteChanges();
  runJobWorkers();
}
