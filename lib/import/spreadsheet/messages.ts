/**
 * Every user-visible message of the spreadsheet reader, in zh-CN. Each says what was found
 * and what to do. Universal: the upload pages pre-check files with the same words.
 */
import type { SpreadsheetRefusal, SpreadsheetRefusalCode } from "./types";

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const count = (n: number): string => n.toLocaleString("zh-CN");

/** A column's letter as Excel and WPS show it: 0 → A, 26 → AA. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export const spreadsheetMessages = {
  unsupported: (extension: string): string =>
    extension === ".xls"
      ? "旧版 Excel 工作簿（.xls）无法读取，请在 Excel 或 WPS 中“另存为” .xlsx 格式后再上传"
      : extension === ".xlsm" || extension === ".xltm"
        ? "含宏的工作簿（.xlsm）不能上传，请“另存为”不含宏的 .xlsx 格式后再上传"
        : extension === ".xlsb"
          ? "二进制工作簿（.xlsb）无法读取，请“另存为” .xlsx 格式后再上传"
          : `不支持 “${extension || "无扩展名"}” 格式的文件，请上传 .xlsx 工作簿或 .csv 文件`,
  empty: (): string => "文件是空的，没有可读取的内容",
  tooLarge: (bytes: number, limit: number): string =>
    `文件大小为 ${megabytes(bytes)}，超过上限 ${megabytes(limit)}，未读取。请确认选择的文件是否正确，或分成几个文件上传`,
  damaged: (): string => "工作簿已损坏或不是有效的 .xlsx 文件，无法打开；请在 Excel 或 WPS 中重新保存后再试",
  legacyFormat: (): string =>
    "文件是旧版 Excel 工作簿（.xls）或已设置打开密码的工作簿，无法读取；请取消密码并“另存为” .xlsx 格式后再上传",
  macros: (): string => "工作簿中含有宏（VBA 或宏表），为安全起见未读取；请“另存为”不含宏的 .xlsx 格式后再上传",
  externalLinks: (): string =>
    "工作簿中含有指向其他文件的外部链接，为安全起见未读取；请复制内容后“选择性粘贴为数值”到新的工作簿再上传",
  archiveTooLarge: (limit: number): string =>
    `工作簿解压后超过 ${megabytes(limit)}（内容过多，或是恶意构造的压缩文件），为安全起见未读取`,
  archiveUnsafe: (): string => "工作簿的压缩结构异常（可能是恶意构造的文件），为安全起见未读取",
  notText: (): string => "文件内容不是文字（可能是图片、压缩包或其他二进制文件），不是有效的 .csv 文件",
  noSheet: (): string => "工作簿中没有可读取的工作表",
  noHeader: (): string => "表格中没有内容：第一行应是列标题（可下载模板查看格式）",
  tooManyRows: (limit: number): string =>
    `表格超过 ${count(limit)} 行，未读取。请确认选择的文件是否正确，或分成几个文件上传`,
  tooManyColumns: (found: number, limit: number): string =>
    `表格有 ${count(found)} 列内容，超过上限 ${limit} 列，未读取。请使用模板中的列`,
  readTimedOut: (seconds: number): string =>
    `表格读取超过 ${seconds} 秒仍未完成（内容过于复杂，或是恶意构造的文件），已停止读取`,
  readOutOfMemory: (limit: number): string =>
    `读取表格所需的内存超过 ${limit} MB（内容过于复杂，或是恶意构造的文件），已停止读取`,
  busy: (): string => "服务繁忙，正在读取其他上传的文件，本文件未读取。请稍后重试",

  // ------------------------------------------------------------ cells (a row's problems)
  formula: (column: number): string =>
    `${columnLetter(column)} 列是公式，不读取公式；请复制该列后“选择性粘贴为数值”再上传`,
  cellError: (column: number, value: string): string => `${columnLetter(column)} 列是错误值 ${value}，请改为实际内容`,
  cellTooLong: (column: number, limit: number): string => `${columnLetter(column)} 列超过 ${limit} 个字符，请检查内容`,
  lostDigits: (column: number): string =>
    `${columnLetter(column)} 列是超过 15 位的数字，Excel/WPS 已丢失末尾的数字；请将该列设为“文本”格式后重新输入`,
} as const;

export function refusal(code: SpreadsheetRefusalCode, message: string): SpreadsheetRefusal {
  return { ok: false, code, message };
}
