/**
 * Draws a laid-out report (layout-report.ts) as a react-pdf <Document>: each
 * page its text pieces at their positions and its rules in one SVG. Nothing
 * is laid out here — react-pdf's own line breaking and pagination are not
 * used, so what the layout decided is what is printed.
 *
 * A draft (样稿) carries a watermark and a line above the text block saying
 * it is not the published document; otherwise it is the same PDF.
 *
 * Pure function of the layout and the document's metadata.
 */
import { Document, Line, Page, Svg, Text } from "@react-pdf/renderer";
import type { PdfPageLayout, PlacedText } from "./placed";
import { PAGE_HEIGHT, PAGE_WIDTH, RULE_WIDTH, TEXT_LEFT, TEXT_TOP } from "./pdf-geometry";

export interface ReportPdfDocumentProps {
  readonly pages: readonly PdfPageLayout[];
  readonly title: string;
  readonly author: string;
  readonly creationDate?: Date;
  /** The family that draws 样稿 (the 黑体 face), when this is a draft. */
  readonly draftFamily?: string;
  /** Each family's ascent in em (PdfTextMeasure.ascent). */
  readonly ascentOf: (family: string) => number;
}

export const DRAFT_MARK = "样稿";
export const DRAFT_NOTICE = "样稿：尚未发布，仅供核对";

/** Where an ideograph's em box tops out above the baseline (Noto CJK and most CJK fonts: 880/1000). */
const EM_BOX_ASCENT = 0.88;

/**
 * react-pdf puts a line's baseline one font ascent below its top, and fonts
 * differ in ascent (LXGW WenKai sits higher than Noto Serif SC): the text is
 * moved so that every face has its em box centred in the line box and all
 * faces share one baseline.
 */
function textTop(text: PlacedText, ascentOf: (family: string) => number): number {
  const baseline = text.y + (text.lineHeight - text.size) / 2 + EM_BOX_ASCENT * text.size;
  return baseline - ascentOf(text.family) * text.size;
}

function PlacedTextView({
  text,
  ascentOf,
}: {
  readonly text: PlacedText;
  readonly ascentOf: (family: string) => number;
}) {
  return (
    <Text
      style={{
        position: "absolute",
        left: text.x,
        top: textTop(text, ascentOf),
        // Room to spare: a line is never broken again here.
        width: text.width + text.letterSpacing * text.text.length + text.size * 2,
        fontFamily: text.family,
        fontSize: text.size,
        lineHeight: text.lineHeight / text.size,
        letterSpacing: text.letterSpacing,
      }}
    >
      {text.text}
    </Text>
  );
}

function DraftMarks({ family }: { readonly family: string }) {
  return (
    <>
      <Text
        style={{
          position: "absolute",
          left: 0,
          top: PAGE_HEIGHT / 2 - 80,
          width: PAGE_WIDTH,
          textAlign: "center",
          fontFamily: family,
          fontSize: 150,
          color: "#d9d9d9",
          transform: "rotate(-30deg)",
        }}
      >
        {DRAFT_MARK}
      </Text>
      <Text
        style={{
          position: "absolute",
          left: TEXT_LEFT,
          top: TEXT_TOP - 40,
          fontFamily: family,
          fontSize: 12,
          color: "#b00020",
        }}
      >
        {DRAFT_NOTICE}
      </Text>
    </>
  );
}

export function ReportPdfDocument({
  pages,
  title,
  author,
  creationDate,
  draftFamily,
  ascentOf,
}: ReportPdfDocumentProps) {
  return (
    <Document
      title={title}
      author={author}
      subject="政府信息公开工作年度报告"
      creator="年报"
      producer="年报"
      language="zh-CN"
      creationDate={creationDate}
    >
      {pages.map((page) => (
        <Page key={page.number} size="A4" style={{ position: "relative" }}>
          {draftFamily ? <DraftMarks family={draftFamily} /> : null}
          <Svg
            style={{ position: "absolute", left: 0, top: 0, width: PAGE_WIDTH, height: PAGE_HEIGHT }}
            viewBox={`0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}`}
          >
            {page.rules.map((rule, i) => (
              <Line
                key={i}
                x1={rule.x1}
                y1={rule.y1}
                x2={rule.x2}
                y2={rule.y2}
                stroke="#000"
                strokeWidth={RULE_WIDTH}
                strokeLinecap="square"
              />
            ))}
          </Svg>
          {page.texts.map((text, i) => (
            <PlacedTextView key={i} text={text} ascentOf={ascentOf} />
          ))}
          <PlacedTextView text={page.pageNumber} ascentOf={ascentOf} />
        </Page>
      ))}
    </Document>
  );
}
