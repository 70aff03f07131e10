/**
 * The public page of a published report: the frozen snapshot (Publication.html, rendered
 * once at publication) inside a small static frame with the downloads and the list of
 * versions. No script at all, so the strict static CSP of /reports/* holds and the page can
 * be cached. The snapshot's body is our own static markup (React-escaped at publication),
 * inserted as-is; everything else here is escaped by React.
 *
 * Landmarks: a skip link to the report, the site bar (banner), the downloads (navigation),
 * the report and its versions in one <main>; sizes in rem so text scales to 200%.
 */
import { fromDateColumn } from "@/lib/format/calendar-day";
import { formatDateZh } from "@/lib/format/format-date-zh";
import { renderStaticDocument, StaticDocument } from "@/lib/render/html/static-document";

const frameCss = `
.pub-skip{position:absolute;left:-999rem;top:0;background:#fd0;color:#0b0c0c;padding:.5rem 1rem;font-family:system-ui,sans-serif;font-weight:700;z-index:10}
.pub-skip:focus{left:0}
.pub-bar{background:#1d70b8;color:#fff;font-family:system-ui,sans-serif}
.pub-bar__inner{max-width:60rem;margin:0 auto;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
.pub-bar a{color:#fff;font-weight:700}
.pub-panel{max-width:60rem;margin:0 auto;padding:1rem;font-family:system-ui,sans-serif;line-height:1.5}
.pub-panel h2{font-size:1.1rem;margin:.5rem 0}
.pub-downloads{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;padding:0;list-style:none;margin:0 0 .5rem}
.pub-notice{border-left:6px solid #f47738;background:#f3f2f1;padding:.75rem 1rem;margin:.5rem 0}
.pub-versions{padding-left:1.25rem}
.pub-versions li{margin-bottom:.5rem}
.pub-note{white-space:pre-wrap;overflow-wrap:anywhere;margin:.25rem 0 0}
.pub-hash{font-family:monospace;font-size:.8rem;overflow-wrap:anywhere;color:#505a5f;margin:.25rem 0}
.pub-dates{margin:.25rem 0 .5rem}
@media print{.pub-bar,.pub-panel{display:none}}
`;

/** The inline stylesheet and the body of a stored snapshot document (without its own <main>). */
export function splitSnapshot(html: string): { css: string; body: string } {
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1];
  if (body === undefined) throw new Error("publication snapshot has no body");
  return { css, body: body.replace(/^<main>([\s\S]*)<\/main>$/, "$1") };
}

export type PublicPageInput = {
  /** The document's latest-version URL (/reports/<id>, /reports/county-summary/<county>/<year>). */
  basePath: string;
  /** Whose report it is: the page links to its key figures across the years (/trends/<id>). */
  organizationId: string;
  /** The trends link's text; default 本单位历年主要数据（趋势图）. */
  trendsLabel?: string;
  title: string;
  snapshotHtml: string;
  sequence: number;
  /**
   * 发布日期 (null when an imported document does not state it) and 成文日期; a document
   * that has none by nature (a county summary is not signed) leaves it undefined.
   */
  publicationDate: Date | null;
  documentDate?: Date | null;
  pdfSha256: string;
  pdfBytes: number;
  /** The frozen Word document; null for versions frozen before DOCX was kept. */
  docx: { sha256: string; bytes: number } | null;
  /** Every version, newest first (latest URL), or null on a versioned URL (immutable). */
  versions:
    | readonly {
        sequence: number;
        publicationDate: Date | null;
        documentDate?: Date | null;
        correctionNote: string | null;
      }[]
    | null;
  /** On a versioned URL: whether a newer version exists is unknown to an immutable page. */
  isVersionedUrl: boolean;
};

/** A DATE column (midnight UTC) as 2024年1月26日. */
function day(value: Date | null): string {
  return value === null ? "未注明" : (formatDateZh(fromDateColumn(value)) ?? "未注明");
}

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export async function renderPublicReportPage(input: PublicPageInput): Promise<string> {
  const { css, body } = splitSnapshot(input.snapshotHtml);
  const base = input.isVersionedUrl ? `${input.basePath}/v/${input.sequence}` : input.basePath;
  return renderStaticDocument(
    <StaticDocument
      title={input.isVersionedUrl ? `${input.title}（第 ${input.sequence} 版）` : input.title}
      styles={[css, frameCss]}
    >
      <a className="pub-skip" href="#report">
        跳到报告正文
      </a>
      <header className="pub-bar">
        <div className="pub-bar__inner">
          <a href="/">年报 · 查找报告</a>
        </div>
      </header>
      <nav className="pub-panel" aria-label="下载与版本">
        {input.isVersionedUrl && (
          <p className="pub-notice">
            这是本报告的第 {input.sequence} 版（{day(input.publicationDate)}发布）。
            <a href={input.basePath}>查看最新版本</a>
          </p>
        )}
        <p className="pub-dates" data-testid="publication-dates">
          发布日期：{day(input.publicationDate)}
          {input.documentDate !== undefined && `　成文日期：${day(input.documentDate)}`}
        </p>
        <h2>下载</h2>
        <ul className="pub-downloads">
          <li>
            <a href={`${base}/pdf`} download>
              PDF（{kilobytes(input.pdfBytes)}）
            </a>
          </li>
          {input.docx && (
            <li>
              <a href={`${base}/docx`} download>
                Word（DOCX，{kilobytes(input.docx.bytes)}）
              </a>
            </li>
          )}
          <li>
            <a href={`${base}/html`} download>
              网页（HTML）
            </a>
          </li>
          <li>
            <a href={`${base}/json`}>数据（JSON）</a>
          </li>
          <li>
            <a href={`${base}/csv`}>数据（CSV）</a>
          </li>
        </ul>
        <p>
          <a href={`/trends/${input.organizationId}`} data-testid="trends-link">
            {input.trendsLabel ?? "本单位历年主要数据（趋势图）"}
          </a>
        </p>
        <p className="pub-hash">PDF SHA-256：{input.pdfSha256}</p>
        {input.docx && <p className="pub-hash">DOCX SHA-256：{input.docx.sha256}</p>}
      </nav>
      <main id="report" tabIndex={-1}>
        <div dangerouslySetInnerHTML={{ __html: body }} />
        {input.versions && (
          <section className="pub-panel" aria-labelledby="pub-versions-heading">
            <h2 id="pub-versions-heading">版本记录</h2>
            <ol className="pub-versions" reversed data-testid="publication-versions">
              {input.versions.map((version) => (
                <li key={version.sequence}>
                  <a href={`${input.basePath}/v/${version.sequence}`}>第 {version.sequence} 版</a>，
                  {day(version.publicationDate)}发布
                  {version.documentDate !== undefined && `，成文日期${day(version.documentDate)}`}
                  {version.sequence === input.sequence ? "（当前版本）" : ""}
                  {version.correctionNote && <p className="pub-note">更正说明：{version.correctionNote}</p>}
                </li>
              ))}
            </ol>
          </section>
        )}
      </main>
    </StaticDocument>,
  );
}
