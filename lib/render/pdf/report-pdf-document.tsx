/**
 * The report as a react-pdf <Document>, laid out after GB/T 9704-2012
 * (党政机关公文格式) as far as one serif family allows:
 *
 * - A4; margins top 37 mm, bottom 35 mm, left (binding side) 28 mm, right
 *   26 mm, i.e. a 156 × 225 mm text block.
 * - Body in 3号 (16 pt, set at 15.75 pt so exactly 28 characters fill a
 *   line, as the standard's grid has), line pitch 28.8 pt (≈ 22 lines per
 *   page), first-line indent of two characters, justified.
 * - Title in 2号 (22 pt) bold Song (Noto Serif SC Bold stands in for 小标宋),
 *   centred, one blank line below.
 * - 一、 and （一） headings bold in body size, indented two characters like
 *   the standard's level-1 (黑体) and level-2 (楷体) headings; no FangSong/
 *   Hei/Kai face ships on npm, so weight carries the distinction.
 * - Tables in 五号 (10.5 pt) with the template's merged headers
 *   (pdf-table-section.tsx).
 * - Page numbers "— 1 —" in 4号 (14 pt), centred 7 mm below the text block.
 * - Signature (落款) and date right-aligned at the end, the date four
 *   characters from the right margin.
 *
 * Pure function of the view model plus the font family name and a
 * `print` function that makes text drawable (see to-printable-text.ts).
 */
import { Fragment } from "react";
import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { Styles } from "@react-pdf/renderer";
import type { NarrativeSectionView, ReportView } from "../to-report-view";
import { PdfTableSection } from "./pdf-table-section";

type Style = Styles[string];

const MM = 72 / 25.4;
const A4_WIDTH = 210 * MM;
const MARGIN = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM } as const;
/** 156 mm. */
export const TEXT_BLOCK_WIDTH = A4_WIDTH - MARGIN.left - MARGIN.right;
/** 28 characters per line over the 156 mm block. */
const BODY_SIZE = TEXT_BLOCK_WIDTH / 28;
const BODY_LINE_HEIGHT = 1.83;
const TITLE_SIZE = 22;
const TABLE_SIZE = 10.5;
const PAGE_NUMBER_SIZE = 14;

export interface ReportPdfDocumentProps {
  readonly view: ReportView;
  readonly fontFamily: string;
  /** Makes a text drawable with the embedded fonts. */
  readonly print: (text: string) => string;
}

function createStyles(fontFamily: string) {
  const body: Style = { fontFamily, fontSize: BODY_SIZE, lineHeight: BODY_LINE_HEIGHT };
  return {
    page: {
      paddingTop: MARGIN.top,
      paddingBottom: MARGIN.bottom,
      paddingLeft: MARGIN.left,
      paddingRight: MARGIN.right,
      fontFamily,
      color: "#000",
    } as Style,
    title: {
      fontFamily,
      fontWeight: 700,
      fontSize: TITLE_SIZE,
      lineHeight: 1.5,
      textAlign: "center",
    } as Style,
    titleBlock: { marginBottom: BODY_SIZE * BODY_LINE_HEIGHT } as Style,
    paragraph: { ...body, textIndent: 2 * BODY_SIZE, textAlign: "justify" } as Style,
    heading: { ...body, fontWeight: 700, textIndent: 2 * BODY_SIZE } as Style,
    subheading: { ...body, fontWeight: 700, textIndent: 2 * BODY_SIZE } as Style,
    correction: {
      borderWidth: 0.75,
      borderColor: "#000",
      borderStyle: "solid",
      paddingVertical: 4,
      paddingHorizontal: 8,
      marginBottom: BODY_SIZE,
    } as Style,
    correctionTitle: { ...body, fontWeight: 700 } as Style,
    correctionText: { ...body, textAlign: "justify" } as Style,
    signature: { marginTop: 2 * BODY_SIZE * BODY_LINE_HEIGHT, alignItems: "flex-end" } as Style,
    signatureLine: { ...body, textAlign: "center", paddingRight: 4 * BODY_SIZE } as Style,
    content: { flexGrow: 1 } as Style,
    pageNumber: {
      position: "absolute",
      left: 0,
      right: 0,
      // 7 mm below the text block: its top edge sits at 35 - 7 = 28 mm from the bottom.
      bottom: (35 - 7) * MM - PAGE_NUMBER_SIZE * 1.2,
      fontFamily,
      fontSize: PAGE_NUMBER_SIZE,
      textAlign: "center",
    } as Style,
  };
}

type DocumentStyles = ReturnType<typeof createStyles>;

/** Whether `text` fits one line of the text block at `size` (CJK 1 em, Latin and digits about 0.55 em). */
function fitsOneLine(text: string, size: number): boolean {
  let em = 0;
  for (const char of text) em += char.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
  return em * size <= TEXT_BLOCK_WIDTH;
}

/** Keep a heading on the page of the first lines that follow it. */
const HEADING_PRESENCE = 3 * BODY_SIZE * BODY_LINE_HEIGHT;

/**
 * Authors number their own sub-headings inside the narrative (（二）政府信息主动公开工作情况,
 * 三、…, 1.…): a short one-line paragraph opening with such a number is kept with the lines
 * after it, like a template heading, instead of being left alone at a page foot.
 */
export function isAuthorHeading(text: string): boolean {
  return (
    text.length <= 40 &&
    fitsOneLine(text, BODY_SIZE) &&
    /^(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])/.test(text) &&
    !/[。；;]$/.test(text)
  );
}

function Paragraphs({
  paragraphs,
  style,
  print,
}: {
  readonly paragraphs: readonly string[];
  readonly style: Style;
  readonly print: (text: string) => string;
}) {
  return (
    <>
      {paragraphs.map((text, i) => (
        <Text key={i} style={style} minPresenceAhead={isAuthorHeading(text) ? HEADING_PRESENCE : undefined}>
          {print(text)}
        </Text>
      ))}
    </>
  );
}

function NarrativeSection({
  section,
  styles,
  print,
}: {
  readonly section: NarrativeSectionView;
  readonly styles: DocumentStyles;
  readonly print: (text: string) => string;
}) {
  // Fragments, not Views: headings must be siblings of what follows them on
  // the page, or react-pdf cannot move a heading left alone at a page foot.
  return (
    <>
      <Text style={styles.heading} minPresenceAhead={HEADING_PRESENCE}>
        {print(section.heading)}
      </Text>
      <Paragraphs paragraphs={section.paragraphs} style={styles.paragraph} print={print} />
      {section.parts.map((part) => (
        <Fragment key={part.id}>
          <Text style={styles.subheading} minPresenceAhead={HEADING_PRESENCE}>
            {print(part.heading)}
          </Text>
          <Paragraphs paragraphs={part.paragraphs} style={styles.paragraph} print={print} />
        </Fragment>
      ))}
    </>
  );
}

/**
 * Page chrome: the text block, and the page number below it. A page layout
 * (react-pdf 4.9) switches the document to the new pagination engine, which
 * measures content once and is about twice as fast here; its `fixed`
 * semantics are the table-header ones we want (repeat within the parent only).
 */
function PageFrame({
  children,
  pageNumber,
  styles,
}: {
  readonly children: React.ReactNode;
  readonly pageNumber: number | undefined;
  readonly styles: DocumentStyles;
}) {
  return (
    <>
      <View style={styles.content}>{children}</View>
      <Text style={styles.pageNumber}>{`— ${pageNumber ?? 1} —`}</Text>
    </>
  );
}

export function ReportPdfDocument({ view, fontFamily, print }: ReportPdfDocumentProps) {
  const styles = createStyles(fontFamily);
  const tableMetrics = { width: TEXT_BLOCK_WIDTH, fontSize: TABLE_SIZE, lineHeight: 1.3, fontFamily };
  const creationDate = view.publishedAt === null ? undefined : new Date(view.publishedAt);
  return (
    <Document
      title={print(view.title)}
      author={print(view.organizationName)}
      subject="政府信息公开工作年度报告"
      creator="年报"
      producer="年报"
      language="zh-CN"
      creationDate={creationDate && Number.isFinite(creationDate.getTime()) ? creationDate : undefined}
    >
      <Page
        size="A4"
        style={styles.page}
        wrap
        layout={({ children, pageNumber }) => (
          <PageFrame pageNumber={pageNumber} styles={styles}>
            {children}
          </PageFrame>
        )}
      >
        {/* One line if it fits; otherwise broken after the body's name, as official titles are. */}
        <View style={styles.titleBlock}>
          {(fitsOneLine(view.title, TITLE_SIZE) ? [view.title] : view.titleLines).map((line, i) => (
            <Text key={i} style={styles.title}>
              {print(line)}
            </Text>
          ))}
        </View>
        {view.correction ? (
          <View style={styles.correction} wrap={false}>
            <Text style={styles.correctionTitle}>
              {view.correction.version === null ? "更正说明" : `更正说明（第${view.correction.version}版）`}
            </Text>
            <Paragraphs paragraphs={view.correction.paragraphs} style={styles.correctionText} print={print} />
          </View>
        ) : null}
        <Paragraphs paragraphs={view.preamble.paragraphs} style={styles.paragraph} print={print} />
        {view.sections.map((section) =>
          section.kind === "table" ? (
            <Fragment key={section.id}>
              <Text style={styles.heading} minPresenceAhead={HEADING_PRESENCE * 2}>
                {print(section.heading)}
              </Text>
              <PdfTableSection section={section} metrics={tableMetrics} print={print} />
            </Fragment>
          ) : (
            <NarrativeSection key={section.id} section={section} styles={styles} print={print} />
          ),
        )}
        {view.publishedDateText === null ? null : (
          <View style={styles.signature} wrap={false}>
            <Text style={styles.signatureLine}>{print(view.organizationName)}</Text>
            <Text style={styles.signatureLine}>{view.publishedDateText}</Text>
          </View>
        )}
      </Page>
    </Document>
  );
}
