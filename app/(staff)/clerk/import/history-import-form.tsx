"use client";
import { postUpload } from "@/components/ui/post-upload";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { ScriptForm } from "@/components/ui/script-form";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { MAX_UPLOAD_FILE_BYTES, UPLOAD_EXTENSIONS, formatMegabytes } from "@/lib/import/upload-limits";
import type { HistoryImportPreview } from "@/lib/reports/preview-history-import";
import { ReadingSummaryView } from "@/components/import/reading-summary-view";

/** Client-side pre-check, for a quick answer only: the server enforces the same caps. */
function precheck(file: File): string | null {
  const name = file.name.toLowerCase();
  if (!UPLOAD_EXTENSIONS.some((extension) => name.endsWith(extension)))
    return `不支持该文件格式；请选择 ${UPLOAD_EXTENSIONS.join("、")} 格式的年度报告。`;
  if (file.size > MAX_UPLOAD_FILE_BYTES)
    return `文件大小为 ${formatMegabytes(file.size)}，超过上限 ${formatMegabytes(MAX_UPLOAD_FILE_BYTES)}。`;
  return null;
}

function post<T extends object>(file: File, intent: "preview" | "import", confirmOrganization = false) {
  const form = new FormData();
  form.set("file", file);
  form.set("intent", intent);
  form.set("confirmOrganization", String(confirmOrganization));
  return postUpload<T>("/api/import/history", form, {
    failed: "导入未成功，请稍后重试。",
    offline: "网络连接中断，文件未上传，请检查网络后重试。",
  });
}

export function HistoryImportForm() {
  const router = useRouter();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<HistoryImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isConfirmed, setIsConfirmed] = useState(false);
  const [pending, setPending] = useState<"preview" | "import" | null>(null);

  const fail = setError;

  const read = async () => {
    setError(null);
    setPreview(null);
    if (!file) return fail("请选择要导入的报告文件。");
    const problem = precheck(file);
    if (problem) return fail(problem);
    setPending("preview");
    const result = await post<{ preview: HistoryImportPreview }>(file, "preview");
    setPending(null);
    if (!result.ok) return fail(result.message);
    setPreview(result.answer.preview);
    setIsConfirmed(false);
  };

  const confirmImport = async () => {
    if (!file) return;
    setError(null);
    setPending("import");
    const result = await post<{ reportId: string }>(file, "import", isConfirmed);
    setPending(null);
    if (!result.ok) return fail(result.message);
    router.push(`/clerk/reports/${result.answer.reportId}`);
  };

  const canImport = preview !== null && preview.refusals.length === 0 && (!preview.organizationWarning || isConfirmed);

  return (
    <div>
      <ProblemAlert title="未能导入" message={error} />
      <ScriptForm onSubmit={read}>
        <div className="field">
          <label htmlFor={inputId}>报告文件</label>
          <p className="field__hint">
            {UPLOAD_EXTENSIONS.join("、")}，不超过 {formatMegabytes(MAX_UPLOAD_FILE_BYTES)}
          </p>
          <input
            id={inputId}
            name="file"
            type="file"
            accept={UPLOAD_EXTENSIONS.join(",")}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setPreview(null);
              setError(null);
            }}
          />
        </div>
        <button className="button button--secondary" type="submit" disabled={pending !== null}>
          {pending === "preview" ? "正在读取…" : "读取文件"}
        </button>
      </ScriptForm>

      {preview && (
        <section aria-labelledby="import-preview" data-testid="import-preview">
          <h2 id="import-preview">读取结果</h2>
          <ReadingSummaryView summary={preview.reading} />
          {preview.refusals.length > 0 ? (
            <div className="error-summary" data-testid="import-refusals">
              <h3>该文件不能导入</h3>
              <ul>
                {preview.refusals.map((refusal) => (
                  <li key={refusal}>{refusal}</li>
                ))}
              </ul>
            </div>
          ) : (
            <>
              {preview.replacesImport && (
                <p className="notice">
                  {preview.correctsPublication
                    ? `本单位 ${preview.reading.year} 年度已有一份已发布的导入报告。确认后，本文件将作为更正提交审核；审核人员确认发布前，公众仍看到原版本。`
                    : `本单位 ${preview.reading.year} 年度已有一份导入的报告正在等待审核。确认后将以本文件替换它，仍需审核人员确认。`}
                </p>
              )}
              {preview.organizationWarning && (
                <div className="notice notice--warning">
                  <p>{preview.organizationWarning}</p>
                  <label>
                    <input
                      type="checkbox"
                      checked={isConfirmed}
                      onChange={(event) => setIsConfirmed(event.target.checked)}
                    />{" "}
                    我确认这是{preview.organizationName}的报告（审核人员将看到此提示）
                  </label>
                </div>
              )}
              <p>
                确认后，该报告将作为{preview.organizationName} {preview.reading.year}{" "}
                年度的报告提交审核：县级审核人员对照原文件确认后才公开。内容按原文保存，以上问题不会被修改。
              </p>
              <button
                className="button"
                type="button"
                disabled={!canImport || pending !== null}
                onClick={() => void confirmImport()}
              >
                {pending === "import" ? "正在导入…" : `确认导入 ${preview.reading.year} 年度报告`}
              </button>
            </>
          )}
        </section>
      )}
    </div>
  );
}
