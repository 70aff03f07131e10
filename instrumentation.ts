/**
 * Runs once when the server starts (Next.js instrumentation). Starts the render pool's
 * worker threads, which load the PDF fonts and render a sample report before their first
 * task (lib/render/render-in-worker.ts), so the first document a user waits for is not a
 * cold render; the reading pool's threads, which load the readers and pdf.js and read a
 * small PDF before their first upload (lib/import/read-in-worker.ts); the listener that
 * tells this instance when another one changed the public site
 * (lib/publications/public-site-notices.ts); and the job queue's workers
 * (lib/jobs/run-job-workers.ts), which take heavy work sent by any instance. Only in the
 * Node.js runtime: the pools are worker threads.
 */
export async function register(): Promise<void> {
  // Next's own variables: the runtime, and whether this is `next build` prerendering pages.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ warmRenderPool }, { warmReadingPool }, { listenForPublicSiteChanges }, { runJobWorkers }] =
    await Promise.all([
      import("@/lib/publications/warm-render-pool"),
      import("@/lib/import/read-in-worker"),
      import("@/lib/publications/public-site-notices"),
      import("@/lib/jobs/run-job-workers"),
    ]);
  warmRenderPool();
  warmReadingPool();
  listenForPublicSiteChanges();
  runJobWorkers();
}
