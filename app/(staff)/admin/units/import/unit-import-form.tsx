"use client";
import { useRef, useState } from "react";
import { NamedOptions } from "@/components/ui/named-options";
import { postUpload } from "@/components/ui/post-upload";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { ScriptForm } from "@/components/ui/script-form";
import { ListTable } from "@/components/ui/list-table";
import { MAX_SPREADSHEET_BYTES, SPREADSHEET_EXTENSIONS, spreadsheetMessages } from "@/lib/import/spreadsheet";
import type { UnitImportResult } from "@/lib/organizations/import-units";
import type { UnitImportPreview } from "@/lib/organizations/preview-unit-import";

const outcomeLabels = { create: "将新建", existing: "已有，不变", problem: "有问题" } as const;

type Mode = "preview" | "import" | "importClean";

export function UnitImportForm({ counties }: { counties: { id: string; name: string }[] }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [countyId, setCountyId] = useState(counties[0]?.id ?? "");
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<UnitImportPreview | null>(null);
  const [result, setResult] = useState<UnitImportResult | null>(null);
  const [isPending, setIsPending] = useState(false);

  const send = async (mode: Mode) => {
    setError(null);
    if (mode === "preview") {
      setPreview(null);
      setResult(null);
    }
    const file = fileInput.current?.files?.[0];
    if (!file) return setError("请选择要上传的单位名单（.xlsx 或 .csv）。");
    // Quick answers only; the server checks the same and more.
    if (file.size > MAX_SPREADSHEET_BYTES)
      return setError(spreadsheetMessages.tooLarge(file.size, MAX_SPREADSHEET_BYTES));
    const body = new FormData();
    body.append("file", file);
    setIsPending(true);
    const sent = await postUpload<{ preview?: UnitImportPreview; result?: UnitImportResult }>(
      `/api/admin/units/import?county=${encodeURIComponent(countyId)}&mode=${mode}`,
      body,
      { failed: "上传未成功，请稍后重试。", offline: "网络连接中断，结果未知。请刷新“单位管理”查看后再试。" },
    );
    setIsPending(false);
    if (!sent.ok) return setError(sent.message);
    if (sent.answer.preview) setPreview(sent.answer.preview);
    if (sent.answer.result) setResult(sent.answer.result);
  };

  const counts = preview?.ok ? preview.counts : null;
  return (
    <div>
      <ProblemAlert title="未能读取或导入" message={error ?? (preview && !preview.ok ? preview.message : null)} />
      <ScriptForm onSubmit={() => send("preview")}>
        {counties.length > 1 ? (
          <div className="field">
            <label htmlFor="import-county">导入到</label>
            <select
              id="import-county"
              className="input"
              value={countyId}
              onChange={(event) => setCountyId(event.target.value)}
            >
              <NamedOptions items={counties} />
            </select>
          </div>
        ) : (
          <p>导入到：{counties[0]?.name}</p>
        )}
        <div className="field">
          <label htmlFor="import-file">单位名单文件</label>
          <input
            id="import-file"
            ref={fileInput}
            type="file"
            accept={SPREADSHEET_EXTENSIONS.join(",")}
            onChange={() => {
              setPreview(null);
              setResult(null);
            }}
          />
        </div>
        <button className="button" type="submit" disabled={isPending}>
          {isPending ? "正在读取…" : "上传并预览"}
        </button>
      </ScriptForm>

      {result && (
        <p className="notice notice--success" role="status" data-testid="import-result">
          导入完成：新建 {result.created} 个单位，已有 {result.existing} 个未改动
          {result.skipped > 0 ? `，跳过有问题的 ${result.skipped} 行` : ""}。
        </p>
      )}

      {preview?.ok && counts && (
        <section aria-labelledby="import-preview">
          <h2 id="import-preview">预览：{preview.fileName}</h2>
          <p role="status" data-testid="import-counts">
            共 {preview.rows.length} 行：将新建 {counts.create} 个，已有 {counts.existing} 个（不变），有问题{" "}
            {counts.problem} 行。
          </p>
          {!result && counts.create > 0 && (
            <p>
              {counts.problem === 0 ? (
                <button className="button" type="button" disabled={isPending} onClick={() => void send("import")}>
                  导入 {counts.create} 个单位
                </button>
              ) : (
                <>
                  <span className="field__error">表中有 {counts.problem} 行有问题。请修改后重新上传，或：</span>{" "}
                  <button
                    className="button button--secondary"
                    type="button"
                    disabled={isPending}
                    onClick={() => void send("importClean")}
                  >
                    只导入没有问题的 {counts.create} 行
                  </button>
                </>
              )}
            </p>
          )}
          {!result && counts.create === 0 && counts.problem === 0 && (
            <p className="notice">表中的单位都已存在，导入不会有任何改变。</p>
          )}
          <ListTable
            testId="import-preview"
            columns={["行", "单位名称", "类型", "上级单位", "行政区划代码", "统一社会信用代码", "结果"]}
          >
            {preview.rows.map((row) => (
              <tr key={row.rowNumber} data-outcome={row.outcome}>
                <th scope="row">第 {row.rowNumber} 行</th>
                <td>{row.name || "—"}</td>
                <td>{row.kindLabel || "—"}</td>
                <td>{row.parentName || "—"}</td>
                <td>{row.divisionCode || "—"}</td>
                <td>{row.creditCode || "—"}</td>
                <td>
                  {outcomeLabels[row.outcome]}
                  {row.problems.length > 0 && (
                    <ul className="field__error">
                      {row.problems.map((problem) => (
                        <li key={problem}>{problem}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </ListTable>
        </section>
      )}
    </div>
  );
}
