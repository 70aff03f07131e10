/**
 * The complete standalone HTML document of a report, frozen into the
 * published snapshot: <ReportDocument> rendered to static markup with its
 * stylesheet inlined, UTF-8, lang="zh-CN", and a Content-Security-Policy
 * that allows no script and no network fetch, so the snapshot stays inert
 * wherever it is served or saved.
 *
 * Why async and why the ignored dynamic import: Next.js refuses a static
 * `import 'react-dom/server'` in route handlers and server actions (the React
 * Server Components layer, "You're importing a component that imports
 * react-dom/server"), which is exactly where publishing happens. Loading it
 * at run time with the bundler told to leave the import alone resolves it
 * through Node's ordinary conditions (checked with `next build` + `next
 * start` on Next 16.4, Turbopack). Plain tsx scripts and vitest take the
 * same path.
 *
 * The stylesheet is read from components/report-document/report-document.css
 * relative to process.cwd() (the project root under `next start`, tsx and
 * vitest). With `output: 'standalone'` add that file to
 * outputFileTracingIncludes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ReportDocument } from '@/components/report-document/report-document';
import type { ReportView } from '@/lib/render/to-report-view';

/** No script, no fetch, no frames; inline styles only. Fonts fall back to the reader's own. */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

let cachedCss: string | undefined;

function readStylesheet(): string {
  // A literal path, so Next's file tracing ships exactly this file.
  cachedCss ??= readFileSync(path.join(process.cwd(), 'components/report-document/report-document.css'), 'utf8');
  return cachedCss;
}

type StaticRenderer = (element: React.ReactElement) => string;

let renderer: Promise<StaticRenderer> | undefined;

function loadRenderer(): Promise<StaticRenderer> {
  renderer ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ 'react-dom/server').then(
    (server) => server.renderToStaticMarkup,
  );
  return renderer;
}

export async function renderReportHtml(view: ReportView): Promise<string> {
  const renderToStaticMarkup = await loadRenderer();
  // `</style` cannot occur in our own stylesheet; guard anyway so a future edit cannot end the element early.
  const css = readStylesheet().replace(/<\/style/gi, '<\\/style');
  const markup = renderToStaticMarkup(
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={CONTENT_SECURITY_POLICY} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content={`nianbao ${view.layoutId}@${view.layoutVersion}`} />
        <title>{view.title}</title>
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
        <ReportDocument view={view} />
      </body>
    </html>,
  );
  return `<!DOCTYPE html>${markup}`;
}
