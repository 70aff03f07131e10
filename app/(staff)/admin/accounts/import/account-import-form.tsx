"use client";
import { useEffect, useMemo, useState } from "react";
import { CountyField } from "@/components/ui/county-field";
import { postUpload } from "@/components/ui/post-upload";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { ScriptForm } from "@/components/ui/script-form";
import { ListTable } from "@/components/ui/list-table";
import { initialPasswordListCsv } from "@/lib/account-data/initial-password-list";
import { MAX_SPREADSHEET_BYTES, SPREADSHEET_EXTENSIONS } from "@/lib/import/spreadsheet";
import { formatMegabytes } from "@/lib/import/upload-limits";
import type { AccountImportResult, CreatedAccountRow } from "@/lib/accounts/import-accounts";

type Failure = Extract<AccountImportResult, { ok: false }>;

export function AccountImportForm({ counties }: { counties: { id: string; name: string }[] }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [created, setCreated] = useState<{ county: string; rows: CreatedAccountRow[] } | null>(null);
  const [isPending, setIsPending] = useState(false);

  const submit = async (form: HTMLFormElement) => {
    setProblem(null);
    setFailure(null);
    const data = new FormData(form);
    const file = data.get("file");
    const countyId = String(data.get("countyId") ?? "");
    if (!countyId) return setProblem("请选择一个县（区）。");
    if (!(file instanceof File) || file.size + file.name.length === 0)
      return setProblem("请选择一个账号名单文件（.xlsx 或 .csv）。");
    // Quick answers only; the server checks the same and more.
    const extension = file.name.slice(file.name.lastIndexOf(".")).toLowerCase();
    if (!(SPREADSHEET_EXTENSIONS as readonly string[]).includes(extension))
      return setProblem(
        `请上传 ${SPREADSHEET_EXTENSIONS.join(" 或 ")} 文件（含宏的 .xlsm 与旧版 .xls 请另存为 .xlsx）。`,
      );
    if (file.size > MAX_SPREADSHEET_BYTES)
      return setProblem(
        `文件大小为 ${formatMegabytes(file.size)}，超过上限 ${formatMegabytes(MAX_SPREADSHEET_BYTES)}，未上传。`,
      );
    setIsPending(true);
    const result = await postUpload<AccountImportResult>("/api/accounts/import", data, {
      failed: "导入未成功，请稍后重试。",
      offline: "网络连接中断，导入结果未知。请在账号列表中查看是否已创建，再决定是否重新上传。",
    });
    setIsPending(false);
    if (!result.ok) return setProblem(result.message);
    if (!("ok" in result.answer)) return setProblem("导入未成功，请稍后重试。");
    if (!result.answer.ok) return setFailure(result.answer);
    const county = counties.find((candidate) => candidate.id === countyId)?.name ?? "";
    setCreated({ county, rows: result.answer.created });
  };

  if (created) return <CreatedAccounts county={created.county} rows={created.rows} />;

  return (
    <div>
      <ProblemAlert title="未能导入" message={problem ?? failure?.fileError ?? null} />
      {failure && failure.rowErrors.length > 0 && <RowErrors failure={failure} />}
      <ScriptForm onSubmit={submit}>
        <CountyField counties={counties} choosesOnlyCounty />
        <div className="field">
          <label htmlFor="file">账号名单</label>
          <input id="file" name="file" type="file" accept={SPREADSHEET_EXTENSIONS.join(",")} />
        </div>
        <button className="button" type="submit" disabled={isPending}>
          {isPending ? "正在导入（每个账号约需 0.1 秒）…" : "导入账号"}
        </button>
      </ScriptForm>
    </div>
  );
}

function RowErrors({ failure }: { failure: Failure }) {
  return (
    <section aria-labelledby="row-errors-heading" className="error-summary" data-testid="row-errors">
      <h2 id="row-errors-heading">有 {failure.rowErrors.length} 行需要改正，本次没有创建任何账号</h2>
      <ListTable columns={["行号", "问题"]}>
        {failure.rowErrors.map((row) => (
          <tr key={row.rowNumber}>
            <th scope="row">第 {row.rowNumber} 行</th>
            <td>
              <ul>
                {row.messages.map((message, index) => (
                  <li key={index}>{message}</li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </ListTable>
    </section>
  );
}

/** The accounts just created, with their initial passwords: shown once, and once as a CSV file to download. */
function CreatedAccounts({ county, rows }: { county: string; rows: CreatedAccountRow[] }) {
  const href = useMemo(
    () => URL.createObjectURL(new Blob([initialPasswordListCsv(rows)], { type: "text/csv;charset=utf-8" })),
    [rows],
  );
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <section aria-labelledby="created-heading" className="notice notice--success" role="status">
      <h2 id="created-heading">
        已为{county}创建 {rows.length} 个账号
      </h2>
      <p>
        <strong>初始密码只显示这一次</strong>
        ，系统不保存它们。请现在下载清单并妥善保管，分发给本人；离开本页后无法再查看，只能逐个重置密码。
      </p>
      <p>
        <a className="button" href={href} download={`初始密码-${county}-${rows.length}个账号.csv`}>
          下载初始密码清单（CSV）
        </a>
      </p>
      <ListTable testId="created-accounts" columns={["用户名", "姓名", "单位", "角色", "初始密码"]}>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">{row.username}</th>
            <td>{row.name}</td>
            <td>{row.unitName}</td>
            <td>{row.roleLabel}</td>
            <td>
              <code>{row.initialPassword}</code>
            </td>
          </tr>
        ))}
      </ListTable>
    </section>
  );
}
