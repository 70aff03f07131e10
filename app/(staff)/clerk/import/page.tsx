import type { Metadata } from "next";
import { StaffPageLayout } from "@/components/ui/staff-page-layout";
import { MAX_UPLOAD_FILE_BYTES, UPLOAD_EXTENSIONS, formatMegabytes } from "@/lib/import/upload-limits";
import { carryOverSources } from "@/lib/report-form/carry-over";
import { reportingYear } from "@/lib/reports/reporting-year";
import { authorizeHistoryImport } from "@/lib/reports/preview-history-import";
import { loadStaffPage } from "@/lib/server/page-guard";
import { layoutForYear } from "@/lib/template";
import { HistoryImportForm } from "./history-import-form";

export const metadata: Metadata = { title: "导入往年报告" };

export default async function ClerkImportPage() {
  const { user, year } = await loadStaffPage({
    page: "/clerk/import",
    action: "report.importHistory",
    authorize: async ({ user, actor }) => {
      await authorizeHistoryImport(actor, { organizationId: user.organizationId });
      return { year: reportingYear(new Date()) };
    },
  });
  const layout = layoutForYear(year);
  const carried = layout ? carryOverSources(layout)[0] : undefined;
  return (
    <StaffPageLayout
      back={{ href: "/clerk", name: "我的报告" }}
      title="导入往年报告"
      lead={
        <>
          上传{user.organizationName}
          已公布的往年年度报告文件，系统读出其中的表格和正文，提交县级审核人员：审核人员对照原文件确认后，报告才在公开目录中列出。
          {carried && `${year} 年度报告填写时可沿用上一年的“${carried.lastYear}”等数据，并据此核对。`}
        </>
      }
    >
      <ul>
        <li>
          支持 {UPLOAD_EXTENSIONS.join("、")} 格式，单个文件不超过 {formatMegabytes(MAX_UPLOAD_FILE_BYTES)}；旧版 .doc
          请先另存为 .docx；扫描件（图片）PDF 无法读取，请上传含文字的 PDF。
        </li>
        <li>
          只能导入 {year}{" "}
          年以前的报告；已在系统中填写的年度不会被覆盖。重新导入已发布的导入报告即为更正，审核人员确认前公众仍看到原版本。
        </li>
        <li>报告按原文保存：原文缺少的行和数据保持空缺，不会补 0。导入前会先显示读取结果，确认后才保存。</li>
      </ul>
      <HistoryImportForm />
    </StaffPageLayout>
  );
}
