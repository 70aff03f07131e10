"use client";
import { JobStatus } from "@/components/jobs/job-status";
import { isJobUnderWay, useFollowJob, type FollowedJob, type JobFollowActions } from "@/components/jobs/use-follow-job";
import { CountyField } from "@/components/ui/county-field";
import { postUpload } from "@/components/ui/post-upload";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { ScriptForm } from "@/components/ui/script-form";
import { useState } from "react";
import { MAX_BATCH_FILES, MAX_BATCH_TOTAL_BYTES, UPLOAD_EXTENSIONS, formatMegabytes } from "@/lib/import/upload-limits";
import { ListTable } from "@/components/ui/list-table";
import { formatDateTime } from "@/lib/format/date-time";

type BatchFileResult = FollowedJob["fileResults"][number];

const outcomeLabels: Record<BatchFileResult["outcome"], string> = {
  imported: "已导入，待审核",
  skipped: "已跳过",
  unreadable: "无法读取",
};

/** Nothing to read again when the job is over: its per-file results come with it. */
const onFinished = () => undefined;

/** Which batch the form shows: its county and when it was uploaded. */
type BatchOrigin = { countyName: string; startedAt: Date };

/**
 * The upload is answered with a job of the queue (lib/jobs/import-batch-job.ts), which the
 * form follows (导入进度 n/m) until it shows each file's result. The page hands over the
 * administrator's last batch (`lastImport`), so a reload shows it again, followed while it
 * runs, and its results stay until the next upload.
 */
export function BatchImportForm({
  counties,
  lastImport,
  followJob,
}: {
  counties: { id: string; name: string }[];
  lastImport: (BatchOrigin & { job: FollowedJob }) | null;
  followJob: JobFollowActions;
}) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const [origin, setOrigin] = useState<BatchOrigin | null>(lastImport);
  const followed = useFollowJob(lastImport?.job ?? null, followJob, onFinished);
  const { job } = followed;
  // Once the job is over, each file's result; a job that failed for good shows those of the
  // files answered before it stopped (重试 goes on with the rest).
  const results = job && !isJobUnderWay(job) && job.fileResults.length > 0 ? job.fileResults : null;

  const fail = setError;

  const submit = async (form: HTMLFormElement) => {
    setError(null);
    const data = new FormData(form);
    const files = data
      .getAll("files")
      .filter((value): value is File => typeof value !== "string" && value.size + value.name.length > 0);
    if (!data.get("countyId")) return fail("请选择一个县（区）。");
    if (files.length === 0) return fail("请选择要导入的报告文件。");
    // Quick answers only; the server enforces the same caps.
    if (files.length > MAX_BATCH_FILES)
      return fail(`一次最多导入 ${MAX_BATCH_FILES} 个文件，本次选择了 ${files.length} 个。`);
    const total = files.reduce((sum, file) => sum + file.size, 0);
    if (total > MAX_BATCH_TOTAL_BYTES)
      return fail(`文件合计 ${formatMegabytes(total)}，超过一次导入的上限 ${formatMegabytes(MAX_BATCH_TOTAL_BYTES)}。`);
    setIsPending(true);
    const sent = await postUpload<{ job?: FollowedJob }>("/api/import/batch", data, {
      failed: "导入未成功，请稍后重试。",
      offline: "网络连接中断，导入结果未知。请刷新页面查看各单位的报告后再试。",
    });
    setIsPending(false);
    if (!sent.ok) return fail(sent.message);
    if (!sent.answer.job) return fail("导入未成功，请稍后重试。");
    const county = counties.find((choice) => choice.id === data.get("countyId"));
    setOrigin(county ? { countyName: county.name, startedAt: new Date() } : null);
    followed.follow(sent.answer.job);
  };

  const count = (outcome: BatchFileResult["outcome"]) =>
    results?.filter((result) => result.outcome === outcome).length ?? 0;

  return (
    <div>
      <ProblemAlert title="未能导入" message={error ?? followed.problem} />
      <ScriptForm onSubmit={submit}>
        <CountyField counties={counties} />
        <div className="field">
          <label htmlFor="files">报告文件（可多选）</label>
          <input id="files" name="files" type="file" multiple accept={UPLOAD_EXTENSIONS.join(",")} />
        </div>
        <button className="button" type="submit" disabled={isPending || followed.underWay}>
          {isPending ? "正在上传…" : followed.underWay ? "正在导入…" : "开始导入"}
        </button>
      </ScriptForm>
      {followed.job && origin && (
        <p data-testid="batch-import-origin">
          最近一次导入：{origin.countyName}，{formatDateTime(origin.startedAt)} 上传
        </p>
      )}
      <JobStatus followed={followed} testId="batch-import-job" progressLabel="导入进度" />

      {results && (
        <section aria-labelledby="batch-results">
          <h2 id="batch-results">导入结果</h2>
          <p data-testid="batch-summary">
            {job?.state === "SUCCEEDED"
              ? `共 ${results.length} 个文件`
              : `已处理 ${results.length} / ${job?.total ?? results.length} 个文件`}
            ：已导入 {count("imported")} 个，已跳过 {count("skipped")} 个，无法读取 {count("unreadable")}{" "}
            个。导入的报告已提交该县（区）的审核人员，确认后公开。
          </p>
          <ListTable testId="batch-results" columns={["文件", "结果", "单位", "年度", "说明"]}>
            {results.map((result, index) => (
              <tr key={`${result.fileName}-${index}`}>
                <th scope="row">{result.fileName}</th>
                <td>{outcomeLabels[result.outcome]}</td>
                <td>{result.organizationName ?? "—"}</td>
                <td>{result.year ?? "—"}</td>
                <td>
                  {result.outcome === "imported"
                    ? `${
                        result.problemCount > 0
                          ? `按原文导入；读取时发现 ${result.problemCount} 处缺失或与模板不一致的内容，已保持原样`
                          : "按原文导入"
                      }；审核人员确认后公开`
                    : result.reason}
                </td>
              </tr>
            ))}
          </ListTable>
        </section>
      )}
    </div>
  );
}
