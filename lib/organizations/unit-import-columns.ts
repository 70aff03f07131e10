/**
 * The columns of a unit list, as the template names them and as people rename them, and the
 * template itself. Universal: the import page shows the columns, the template route writes them.
 */
export const unitImportColumns = [
  { field: "name", header: "单位名称", aliases: ["名称", "单位", "机关名称"], required: true, width: 32 },
  { field: "kind", header: "类型", aliases: ["单位类型", "类别"], required: true, width: 12 },
  { field: "parent", header: "上级单位", aliases: ["上级", "所属单位", "上级单位名称"], required: false, width: 24 },
  { field: "divisionCode", header: "行政区划代码", aliases: ["区划代码", "行政区划"], required: false, width: 18 },
  {
    field: "creditCode",
    header: "统一社会信用代码",
    aliases: ["信用代码", "社会信用代码"],
    required: false,
    width: 24,
  },
] as const;

export type UnitImportField = (typeof unitImportColumns)[number]["field"];

export const unitImportNotes = [
  "每行一个单位；第一行是列标题，请勿修改或删除。",
  "类型填写：乡、镇、街道、县直部门（县、区、县级市由系统管理员在“新建县（区）”中创建）。",
  "上级单位：留空表示本县（区）；县直部门也可设在乡、镇、街道之下，填写该乡镇（街道）的名称或行政区划代码。上级单位须是已有单位，或写在本表中前面的行。",
  "行政区划代码：乡、镇、街道填写 12 位统计用区划代码（以本县 6 位代码开头，后三位为 000）；县直部门留空。",
  "统一社会信用代码：18 位，可留空；系统按 GB 32100-2015 核对第 18 位校验码。",
  "代码列请保持“文本”格式，以免 Excel/WPS 把长数字改成科学计数法。不要使用公式。",
  "同一文件可重复导入：已导入的单位不会重复创建，也不会被修改。",
];
