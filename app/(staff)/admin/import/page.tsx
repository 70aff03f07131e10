import {
  MAX_BATCH_FILES,
  MAX_BATCH_TOTAL_BYTES,
  MAX_UPLOAD_FILE_BYTES,
  UPLOAD_EXTENSIONS,
  formatMegabytes,
} from "@/lib/import/upload-limits";
import { loadLastBatchImport } from "@/lib/jobs/import-batch-job";
import { reportingYear } from "@/lib/reports/reporting-year";
import { readJobProgressAction, retryJobAction } from "../../jobs/actions";
import { defineImportPage } from "../import-page";
import { BatchImportForm } from "./batch-import-form";

/** Which years may be imported, as of the day the page is shown. */
function ImportableYears() {
  return (
    <>只导入 {reportingYear(new Date())} 年以前的报告；单位在该年度已有报告（无论何种状态）的文件会跳过，不覆盖。</>
  );
}

const { metadata, ImportPage } = defineImportPage({
  page: "/admin/import",
  action: "admin.manage",
  title: "批量导入往年报告",
  lead: "选择一个县（区），上传其下各单位已公布的往年年度报告。系统逐个读取文件，按标题中的机关名称找到对应单位，作为该单位该年度的报告提交该县（区）的审核人员：审核人员对照原文件确认后才公开。",
  requirements: [
    <>
      支持 {UPLOAD_EXTENSIONS.join("、")} 格式；一次最多 {MAX_BATCH_FILES} 个文件，单个不超过{" "}
      {formatMegabytes(MAX_UPLOAD_FILE_BYTES)}，合计不超过 {formatMegabytes(MAX_BATCH_TOTAL_BYTES)}。
    </>,
    <ImportableYears key="years" />,
    "报告按原文保存，原文缺少的行和数据保持空缺。",
  ],
  back: { href: "/admin", name: "系统管理" },
  // After a reload the page shows the administrator's last batch again (its progress or its results).
  load: ({ actor, counties }) => loadLastBatchImport(actor, counties),
  form: (counties, lastImport) => (
    <BatchImportForm
      counties={counties}
      lastImport={lastImport ?? null}
      followJob={{ readProgress: readJobProgressAction, retry: retryJobAction }}
    />
  ),
});

export { metadata };
export default ImportPage;
