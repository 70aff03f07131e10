import type { ImportPlaceNote, ReadingSummary } from "@/lib/import";
import { TableHead } from "@/components/ui/table-head";

const sourceNames = { text: "纯文本", html: "网页（HTML）", docx: "Word 文档（.docx）", pdf: "PDF 文件" } as const;

/** The two lists of a reading: what the reader could not read, and what the rules found. */
const noteLists = {
  problems: {
    caption: "未能读取或与模板不一致的内容",
    severityLabels: { error: "缺失", warning: "提示" },
    whenEmpty: "全部内容均已按模板读出。",
  },
  findings: {
    caption: "校验发现的问题",
    severityLabels: { error: "错误", warning: "警告" },
    whenEmpty: "校验未发现问题。",
  },
} as const;

function NotesTable({ list, notes }: { list: keyof typeof noteLists; notes: readonly ImportPlaceNote[] }) {
  const { caption, severityLabels, whenEmpty } = noteLists[list];
  if (notes.length === 0) return <p>{whenEmpty}</p>;
  return (
    <table className="table" data-testid={`reading-${list}`}>
      <caption style={{ textAlign: "left", fontWeight: 600 }}>
        {caption}（{notes.length}）
      </caption>
      <TableHead columns={["位置", "类型", "说明"]} />
      <tbody>
        {notes.map((note, index) => (
          <tr key={`${note.place}-${index}`}>
            <th scope="row">{note.placeLabel}</th>
            <td>{severityLabels[note.severity]}</td>
            <td>{note.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the reader found in a file: body, year, layout, and every problem by place. */
export function ReadingSummaryView({ summary }: { summary: ReadingSummary }) {
  return (
    <>
      <dl className="summary-list" data-testid="reading-summary">
        <dt>文件</dt>
        <dd>{summary.fileName}</dd>
        {summary.status === "read" && (
          <>
            <dt>机关</dt>
            <dd>{summary.organizationName || "（未读出）"}</dd>
            <dt>年度</dt>
            <dd>{summary.year ?? "（未读出）"}</dd>
            <dt>报告格式</dt>
            <dd>
              {summary.layoutId}（{summary.layoutBasis}）
            </dd>
            <dt>文件类型</dt>
            <dd>{sourceNames[summary.source]}</dd>
            <dt>表格数据</dt>
            <dd>
              读到 {summary.cellsRead} / {summary.cellsTotal} 项
            </dd>
          </>
        )}
      </dl>
      {summary.status === "read" && (
        <>
          <NotesTable list="problems" notes={summary.problems} />
          <NotesTable list="findings" notes={summary.findings} />
        </>
      )}
    </>
  );
}
