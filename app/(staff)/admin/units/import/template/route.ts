// The unit list template, as an .xlsx to fill in with Excel, WPS or LibreOffice.
import { unitImportColumns, unitImportNotes } from "@/lib/organizations/unit-import-columns";
import { defineTemplateRoute } from "@/lib/server/define-template-route";

export const GET = defineTemplateRoute({
  name: "unitImportTemplate",
  action: "unit.list",
  template: {
    sheetName: "单位名单",
    columns: unitImportColumns.map((column) => ({ header: column.header, width: column.width })),
    examples: [
      ["城关镇人民政府", "镇", "", "140522100000", ""],
      ["县教育局", "县直部门", "", "", ""],
    ],
    notes: ["第 2、3 行是示例，导入前请删除或改为本县（区）的单位。", ...unitImportNotes],
  },
  fileName: "单位名单模板.xlsx",
  asciiName: "units-template.xlsx",
});
