/**
 * Static HTML documents of the report (the published snapshot and the public page around
 * it) share these two pieces.
 *
 * Why the ignored dynamic import: Next.js refuses a static `import 'react-dom/server'` in
 * route handlers and server actions, which is exactly where publishing and serving happen.
 * Loading it at run time with the bundler told to leave the import alone resolves it
 * through Node's ordinary conditions; plain tsx scripts and vitest take the same path.
 */

/** No script, no fetch, no frames; inline styles only. Fonts fall back to the reader's own. */
export const STATIC_DOCUMENT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

type StaticRenderer = (element: React.ReactElement) => string;

let renderer: Promise<StaticRenderer> | undefined;

export function loadStaticRenderer(): Promise<StaticRenderer> {
  renderer ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "react-dom/server").then(
    (server) => server.renderToStaticMarkup,
  );
  return renderer;
}
