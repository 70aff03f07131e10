/**
 * The published report as semantic HTML, rendered from the one view model
 * (lib/render/to-report-view.ts). Server-safe: no hooks, no event handlers,
 * no client code, so it renders inside a Server Component, in
 * renderReportHtml's frozen snapshot and in the authoring preview alike.
 *
 * Styles: ./report-document.css (import it where the component is mounted;
 * renderReportHtml inlines it).
 *
 * Tables: a real <table> per grid with <caption>, <thead> column headers
 * (scope col/colgroup), row labels as <th scope="row"/"rowgroup"> and, since
 * table 三 nests row labels three deep, explicit `headers` on every value
 * cell so screen readers announce the full path (三、本年度办理结果 ›
 * （三）不予公开 › 1.属于国家秘密 › 自然人).
 */
import type {
  BodyCellView,
  GridView,
  HeaderCellView,
  NarrativeSectionView,
  ReportView,
  SectionView,
  TableSectionView,
  ValueCellView,
} from "@/lib/render/to-report-view";

export interface ReportDocumentProps {
  readonly view: ReportView;
  /** Prefix of element ids, for pages that show more than one report. */
  readonly idPrefix?: string;
}

/** Element ids from view keys: letters, digits, - and _ only. */
function domId(...parts: readonly string[]): string {
  return parts.join("-").replace(/[^A-Za-z0-9_-]/g, "-");
}

/** Rough minimum width so a wide grid scrolls in its wrapper instead of crushing its columns. */
function minTableWidth(grid: GridView): string {
  const valueColumns = grid.columnCount - grid.stubColumnCount;
  return `${valueColumns * 3.5 + grid.stubColumnCount * 6}em`;
}

function Paragraphs({ paragraphs }: { readonly paragraphs: readonly string[] }) {
  return (
    <>
      {paragraphs.map((text, i) => (
        <p key={i} className="rd-paragraph">
          {text}
        </p>
      ))}
    </>
  );
}

/** A narrative section's own paragraphs, then its sub-parts (一、总体情况's （一）…（五）). */
function NarrativeBody({ section, idPrefix }: { readonly section: NarrativeSectionView; readonly idPrefix: string }) {
  return (
    <>
      <Paragraphs paragraphs={section.paragraphs} />
      {section.parts.map((part) => (
        <section key={part.id} className="rd-part" aria-labelledby={domId(idPrefix, part.id)}>
          <h3 id={domId(idPrefix, part.id)} className="rd-subheading">
            {part.heading}
          </h3>
          <Paragraphs paragraphs={part.paragraphs} />
        </section>
      ))}
    </>
  );
}

/**
 * Row labels (and the stub corner above them) carry their column and span, so that on a
 * narrow screen they stay in view while the figures scroll under them (report-document.css).
 */
function stubClass(cell: HeaderCellView): string | undefined {
  const isStub = cell.key === "stub" || cell.scope === "row" || cell.scope === "rowgroup";
  return isStub ? `rd-stub rd-stub-at-${cell.column} rd-stub-span-${cell.colSpan}` : undefined;
}

function HeaderCell({ cell, gridKey }: { readonly cell: HeaderCellView; readonly gridKey: string }) {
  return (
    <th
      id={domId(gridKey, cell.key)}
      className={stubClass(cell)}
      scope={cell.scope}
      colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
      rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
    >
      {cell.text}
    </th>
  );
}

function ValueCell({ cell, gridKey }: { readonly cell: ValueCellView; readonly gridKey: string }) {
  const headers = cell.headerKeys.map((key) => domId(gridKey, key)).join(" ");
  return (
    <td
      data-cell-id={cell.cellId}
      headers={headers}
      className={cell.isComputed ? "rd-computed" : undefined}
      data-missing={cell.value === null ? "true" : undefined}
    >
      {cell.value === null ? (
        <>
          <span aria-hidden="true">{cell.text}</span>
          <span className="rd-visually-hidden">未填写</span>
        </>
      ) : (
        cell.text
      )}
    </td>
  );
}

function BodyCell({ cell, gridKey }: { readonly cell: BodyCellView; readonly gridKey: string }) {
  return cell.kind === "header" ? (
    <HeaderCell cell={cell} gridKey={gridKey} />
  ) : (
    <ValueCell cell={cell} gridKey={gridKey} />
  );
}

function GridTable({
  grid,
  section,
  idPrefix,
}: {
  readonly grid: GridView;
  readonly section: TableSectionView;
  readonly idPrefix: string;
}) {
  const gridKey = domId(idPrefix, grid.id);
  const captionId = domId(gridKey, "caption");
  // A single-grid table is already named by the section's h2; its caption
  // stays for assistive technology but is not printed twice.
  const isCaptionVisible = grid.caption !== section.heading;
  return (
    <div className="rd-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="rd-table" style={{ minWidth: minTableWidth(grid) }}>
        <caption id={captionId} className={isCaptionVisible ? undefined : "rd-visually-hidden"}>
          {grid.caption}
        </caption>
        <thead>
          {grid.headerRows.map((row, i) => (
            <tr key={i}>
              {row.map((cell) => (
                <HeaderCell key={cell.key} cell={cell} gridKey={gridKey} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {grid.bodyRows.map((row) => (
            <tr key={row.id}>
              {row.cells.map((cell) => (
                <BodyCell key={cell.kind === "header" ? cell.key : cell.cellId} cell={cell} gridKey={gridKey} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One of the six sections under its heading: narrative text, or the grids of a table. */
function Section({ section, idPrefix }: { readonly section: SectionView; readonly idPrefix: string }) {
  const headingId = domId(idPrefix, section.id);
  return (
    <section className="rd-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="rd-heading">
        {section.heading}
      </h2>
      {section.kind === "table" ? (
        section.grids.map((grid) => <GridTable key={grid.id} grid={grid} section={section} idPrefix={idPrefix} />)
      ) : (
        <NarrativeBody section={section} idPrefix={idPrefix} />
      )}
    </section>
  );
}

export function ReportDocument({ view, idPrefix = "report" }: ReportDocumentProps) {
  return (
    <article className="rd-document" lang="zh-CN" dir="ltr" aria-labelledby={domId(idPrefix, "title")}>
      <header>
        <h1 id={domId(idPrefix, "title")} className="rd-title">
          {view.title}
        </h1>
        {view.correction ? (
          <aside className="rd-correction" aria-label="更正说明">
            <p className="rd-correction-title">
              {view.correction.version === null ? "更正说明" : `更正说明（第${view.correction.version}版）`}
            </p>
            <Paragraphs paragraphs={view.correction.paragraphs} />
          </aside>
        ) : null}
      </header>
      <Paragraphs paragraphs={view.preamble.paragraphs} />
      {view.sections.map((section) => (
        <Section key={section.id} section={section} idPrefix={idPrefix} />
      ))}
      {view.documentDateText === null ? null : (
        <footer className="rd-signature">
          <p>{view.organizationName}</p>
          <p>
            <time dateTime={view.documentDate ?? undefined}>{view.documentDateText}</time>
          </p>
        </footer>
      )}
    </article>
  );
}
