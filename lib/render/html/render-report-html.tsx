/**
 * The complete standalone HTML document of a report, frozen into the
 * published snapshot: <ReportDocument> rendered to static markup with its
 * stylesheet inlined, UTF-8, lang="zh-CN", and a Content-Security-Policy
 * that allows no script and no network fetch, so the snapshot stays inert
 * wherever it is served or saved.
 *
 * Async because react-dom/server is loaded at run time (see ./static-markup.ts;
 * checked with `next build` + `next start` on Next 16.4, Turbopack).
 *
 * The stylesheet is read from lib/render/html/report-document.css relative
 * to process.cwd() (the project root under `next start`, tsx and
 * vitest). With `output: 'standalone'` add that file to
 * outputFileTracingIncludes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ReportView } from "@/lib/render/to-report-view";
import { ReportDocument } from "./report-document";
import { renderStaticDocument, StaticDocument } from "./static-document";

let cachedCss: string | undefined;

function readStylesheet(): string {
  // A literal path, so Next's file tracing ships exactly this file.
  cachedCss ??= readFileSync(path.join(process.cwd(), "lib/render/html/report-document.css"), "utf8");
  return cachedCss;
}

export async function renderReportHtml(view: ReportView): Promise<string> {
  return renderStaticDocument(
    <StaticDocument
      title={view.title}
      styles={[readStylesheet()]}
      head={<meta name="generator" content={`nianbao ${view.layoutId}@${view.layoutVersion}`} />}
    >
      <main>
        <ReportDocument view={view} />
      </main>
    </StaticDocument>,
  );
}
