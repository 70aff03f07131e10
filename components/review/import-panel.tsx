import { ReadingSummaryView } from "@/components/import/reading-summary-view";
import { TableHead } from "@/components/ui/table-head";
import { formatDateTime } from "@/lib/format/date-time";
import type { ReadingSummary } from "@/lib/import";
import type { ReportChange } from "@/lib/report-data";
import type { ReportTextCorrection } from "@/lib/rules";
import { ChangeTable } from "./change-list";

const originLabels = {
  seed: "演示数据（随系统发布）",
  clerkUpload: "填报人员上传",
  adminBatch: "系统管理员批量导入",
} as const;

export type ImportPanelImport = {
  origin: keyof typeof originLabels;
  fileName: string;
  fileSha256: string;
  reading: ReadingSummary;
  organizationWarning: string | null;
  importedAt: Date;
  importedBy: string | null;
  isPending: boolean;
  /** For a correction: what differs from the published version the public sees now. */
  sincePublished: { sequence: number; list: readonly ReportChange[] } | null;
};

/**
 * The import a report's data came from, for the reviewer who confirms it: who brought which
 * file in (downloadable here by the county's reviewers only), the warning about another
 * body's name the importer confirmed past, what was read and the findings at the import,
 * and for a correction the differences from the published version.
 */
export function ImportPanel({
  imported,
  textCorrections,
  sourceHref,
  isCorrection,
}: {
  imported: ImportPanelImport;
  /** What the confirmation corrects so that the text prints as it reads (markup, impossible days). */
  textCorrections: readonly ReportTextCorrection[];
  /** Null when the actor may not download the file. */
  sourceHref: string | null;
  isCorrection: boolean;
}) {
  return (
    <section aria-labelledby="import-heading" data-testid="review-import">
      <h2 id="import-heading">导入来源</h2>
      {imported.isPending && (
        <p className="notice" data-testid="import-pending">
          {isCorrection
            ? "本报告由重新导入的文件更正，更正尚未公开：公众仍看到已发布的版本。请对照原文件核对后确认发布更正（须填写更正说明），或退回。"
            : "本报告由文件导入，尚未公开。请对照原文件核对读取结果后确认发布，或退回。"}
        </p>
      )}
      {imported.organizationWarning && (
        <div className="notice notice--warning" data-testid="import-organization-warning">
          <h3 className="notice__title">文件标题中的机关与本单位不一致</h3>
          <p>{imported.organizationWarning}</p>
          <p>导入人员已勾选确认这是本单位的报告。请打开原文件核对后再决定。</p>
        </div>
      )}
      <dl className="summary-list">
        <dt>导入方式</dt>
        <dd>{originLabels[imported.origin]}</dd>
        <dt>导入人员</dt>
        <dd>{imported.importedBy ?? "—"}</dd>
        <dt>导入时间</dt>
        <dd>{formatDateTime(imported.importedAt)}</dd>
        <dt>原文件</dt>
        <dd>
          {sourceHref ? (
            <a href={sourceHref} download>
              下载原文件：{imported.fileName}
            </a>
          ) : (
            imported.fileName
          )}
          <br />
          <span className="muted">SHA-256：{imported.fileSha256}</span>
        </dd>
      </dl>
      {imported.sincePublished && (
        <section aria-labelledby="since-published-heading" data-testid="import-changes">
          <h3 id="since-published-heading">与已发布的第 {imported.sincePublished.sequence} 版相比</h3>
          {imported.sincePublished.list.length === 0 ? (
            <p>内容没有变化。</p>
          ) : (
            <>
              <p>有 {imported.sincePublished.list.length} 处不同：</p>
              <ChangeTable
                changes={imported.sincePublished.list}
                beforeLabel={`第 ${imported.sincePublished.sequence} 版`}
              />
            </>
          )}
        </section>
      )}
      {textCorrections.length > 0 && (
        <section aria-labelledby="text-corrections-heading" data-testid="import-text-corrections">
          <h3 id="text-corrections-heading">确认发布时改正的正文（{textCorrections.length} 处）</h3>
          <p>原文件中的排版标记和笔误日期不能照印。确认发布时按下表改正，改正记入操作记录；如需其他改法，请退回。</p>
          <table className="table">
            <TableHead columns={["部分", "原文", "改为"]} />
            <tbody>
              {textCorrections.map((correction, index) => (
                <tr key={index}>
                  <td>{correction.heading}</td>
                  <td>
                    <code>{correction.raw}</code>
                  </td>
                  <td>{correction.replacement.trim() === "" ? "（空格）" : correction.replacement}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <h3>读取结果</h3>
      <ReadingSummaryView summary={imported.reading} />
    </section>
  );
}
