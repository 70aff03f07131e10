"use client";
import { useId, useState, type ChangeEvent } from "react";
import { TableHead } from "@/components/ui/table-head";
import type { WorkbookUploadPreview } from "@/lib/import/spreadsheet/place-workbook-cells";
import { formatCellInput } from "@/lib/report-form/cell-input";
import { cellFieldName, toReportData } from "@/lib/report-form/form-values";
import { cellLabelPath, planWorkbookUpload, type WorkbookUploadPlan } from "@/lib/report-form/plan-workbook-upload";
import type { Organization, ReportData } from "@/lib/report-data";
import { evaluateReport, type Finding } from "@/lib/rules";
import { useWizard } from "./wizard-context";

/** Findings listed in the preview; the check step shows them all. */
const SHOWN_FINDINGS = 12;

type Preview = { upload: WorkbookUploadPreview; plan: WorkbookUploadPlan; findings: readonly Finding[] };

const shown = (value: number | null): string => (value === null ? "（空）" : formatCellInput(value));

/**
 * The tables as an Excel/WPS workbook: download it blank or with the figures typed so far,
 * upload it filled in, see every cell that would change (and what the file could not give),
 * with the rule engine's findings on the result; only 确认写入草稿 puts the figures into the
 * form, from where autosave stores them through the one save path like typed ones.
 */
export function WorkbookPanel({
  reportId,
  previousYear,
  organization,
}: {
  reportId: string;
  previousYear: ReportData | null;
  organization: Organization | undefined;
}) {
  const { layout, meta, getValues, setValue, issues } = useWizard();
  const inputId = useId();
  const [isReading, setIsReading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [written, setWritten] = useState<number | null>(null);
  const url = `/api/reports/${encodeURIComponent(reportId)}/xlsx`;

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setError(null);
    setPreview(null);
    setWritten(null);
    setIsReading(true);
    try {
      const body = new FormData();
      body.append("file", file);
      const response = await fetch(url, { method: "POST", body });
      const answer: unknown = await response.json().catch(() => null);
      if (!response.ok || !answer || typeof answer !== "object" || !("preview" in answer)) {
        const message =
          answer && typeof answer === "object" && "error" in answer
            ? (answer as { error: { message?: string } }).error.message
            : undefined;
        setError(message ?? "表格未能读取，请稍后重试。");
        return;
      }
      const read = (answer as { preview: WorkbookUploadPreview }).preview;
      const plan = planWorkbookUpload(layout, toReportData(layout, getValues(), meta), read.cells);
      const findings = evaluateReport({
        data: plan.result,
        layout,
        previousYear: previousYear ?? undefined,
        organization,
      });
      setPreview({ upload: read, plan, findings });
    } catch {
      setError("网络连接中断，表格未上传；请检查网络后重试。");
    } finally {
      setIsReading(false);
    }
  };

  const confirm = () => {
    if (!preview) return;
    // Against the form as it is now: a figure typed since the preview is kept unless the file changes it.
    const plan = planWorkbookUpload(layout, toReportData(layout, getValues(), meta), preview.upload.cells);
    for (const change of plan.changes) {
      issues.setEntryError(change.cellId, null);
      setValue(cellFieldName(change.cellId), change.after, { shouldDirty: true });
    }
    setWritten(plan.changes.length);
    setPreview(null);
  };

  const errors = preview?.findings.filter((finding) => finding.severity === "error") ?? [];
  const warnings = preview?.findings.filter((finding) => finding.severity !== "error") ?? [];
  return (
    <section className="notice" aria-labelledby={`${inputId}-title`} data-testid="workbook-panel">
      <h2 id={`${inputId}-title`} className="notice__title">
        用 Excel 或 WPS 填写表格
      </h2>
      <p>
        下载 Excel 表格（
        <a href={url} download>
          空白
        </a>{" "}
        /{" "}
        <a href={`${url}?figures=1`} download>
          含已填数字
        </a>
        ），在白色格子中填写后保存为 .xlsx，再上传；写入草稿前会先列出每一处改动。
      </p>
      <div className="field">
        <label htmlFor={inputId}>上传填好的表格</label>
        <input
          id={inputId}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={upload}
          disabled={isReading}
        />
      </div>
      {isReading && <p role="status">正在读取表格…</p>}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {written !== null && (
        <p role="status" data-testid="workbook-written">
          已把表格中的 {written} 处改动写入草稿，将自动保存。
        </p>
      )}
      {preview && (
        <div data-testid="workbook-preview">
          <h3>上传的表格：{preview.upload.fileName}</h3>
          {preview.upload.title && <p>表格标题：{preview.upload.title}</p>}
          {preview.plan.changes.length === 0 ? (
            <p>表格中的数字与草稿相同，没有需要写入的改动。</p>
          ) : (
            <table className="table" aria-label="将写入草稿的改动">
              <caption>将改动 {preview.plan.changes.length} 个格子</caption>
              <TableHead columns={["格子", "原来", "改为"]} />
              <tbody>
                {preview.plan.changes.map((change) => (
                  <tr key={change.cellId}>
                    <th scope="row">{change.labelPath}</th>
                    <td>{shown(change.before)}</td>
                    <td>{shown(change.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.upload.refusals.length > 0 && (
            <>
              <h4>以下 {preview.upload.refusals.length} 个格子未能读取，草稿中保持原样：</h4>
              <ul aria-label="未能读取的格子">
                {preview.upload.refusals.map((refusal) => (
                  <li key={refusal.cellId}>
                    {cellLabelPath(layout, refusal.cellId)}：{refusal.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h4>
            写入后的检查结果：{errors.length} 个错误，{warnings.length} 个提示
          </h4>
          {preview.findings.length > 0 && (
            <ul aria-label="写入后的检查结果">
              {preview.findings.slice(0, SHOWN_FINDINGS).map((finding) => (
                <li key={`${finding.ruleId}@${finding.cellIds.join(",")}`}>
                  {finding.severity === "error" ? "错误" : "提示"}：{finding.message}
                </li>
              ))}
              {preview.findings.length > SHOWN_FINDINGS && (
                <li>另有 {preview.findings.length - SHOWN_FINDINGS} 条，见“检查并提交”。</li>
              )}
            </ul>
          )}
          <p>
            {preview.plan.changes.length > 0 && (
              <button type="button" className="button" onClick={confirm}>
                确认写入草稿
              </button>
            )}{" "}
            <button type="button" className="button button--secondary" onClick={() => setPreview(null)}>
              取消
            </button>
          </p>
        </div>
      )}
    </section>
  );
}
