import { MAX_SPREADSHEET_BYTES, MAX_SPREADSHEET_ROWS } from "@/lib/import/spreadsheet";
import { formatMegabytes } from "@/lib/import/upload-limits";
import { unitImportColumns } from "@/lib/organizations/unit-import-columns";
import { defineImportPage } from "../../import-page";
import { UnitImportForm } from "./unit-import-form";

const { metadata, ImportPage } = defineImportPage({
  page: "/admin/units/import",
  action: "unit.list",
  title: "导入单位名单",
  lead: "用 Excel、WPS 或 LibreOffice 填写单位名单，上传后先预览每一行的结果，确认无误再导入。同一文件可重复导入：已有的单位不会重复创建，也不会被修改。",
  requirements: [
    <>
      <a href="/admin/units/import/template" download>
        下载模板（.xlsx）
      </a>
      ：列依次为 {unitImportColumns.map((column) => `“${column.header}”`).join("")}。
    </>,
    <>
      支持 .xlsx 工作簿和 .csv 文件（UTF-8 或 GB18030 编码）；不超过 {formatMegabytes(MAX_SPREADSHEET_BYTES)}，
      {MAX_SPREADSHEET_ROWS.toLocaleString("zh-CN")} 行以内。读取第一个工作表；公式、含宏的工作簿和外部链接不读取。
    </>,
  ],
  withoutCounty: "没有可以导入单位的县（区）。",
  back: { href: "/admin/units", name: "单位管理" },
  form: (counties) => <UnitImportForm counties={counties} />,
});

export { metadata };
export default ImportPage;
