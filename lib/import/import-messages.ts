/**
 * Every user-visible message of the report readers, in zh-CN, in one place.
 * Messages say what was found, what was done with it and what to check.
 */
const q = (text: string): string => `“${text}”`;

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const importMessages = {
  // ------------------------------------------------------------ the file
  missing: (path: string): string => `找不到文件${q(path)}，请检查路径`,
  unreadable: (path: string): string => `无法打开文件${q(path)}（可能是目录或没有读取权限）`,
  empty: (): string => "文件是空的，没有可读取的内容",
  tooLarge: (bytes: number, limit: number): string =>
    `文件大小为 ${megabytes(bytes)}，超过上限 ${megabytes(limit)}，未读取。年度报告通常不超过 1 MB，请确认选择的文件是否正确`,
  binary: (): string =>
    "文件内容不是文字（可能是图片、压缩包或其他二进制文件），未读取；请提供 .txt、.html 或 .docx 格式的年度报告",
  unsupported: (extension: string): string =>
    extension === ".doc"
      ? "旧版 Word 文档（.doc）无法读取，请在 Word 中“另存为” .docx 格式后再试"
      : `不支持 ${q(extension || "无扩展名")} 格式的文件；请提供 .txt、.html、.htm、.docx 或 .pdf 格式的年度报告`,
  damaged: (): string => "Word 文档已损坏或不是有效的 .docx 文件，无法打开；请在 Word 中重新保存后再试",
  pdfDamaged: (): string => "PDF 文件已损坏或不是有效的 PDF，无法打开；请从原网站重新下载，或上传 Word 或网页文件",
  pdfEncrypted: (): string => "PDF 文件设有打开密码，无法读取；请上传未加密的 PDF、Word 或网页文件",
  pdfScanned: (): string => "这是扫描件（图片）PDF，无法读取其中的文字。请上传含文字的 PDF、Word 或网页文件。",
  pdfTooManyPages: (pages: number, limit: number): string =>
    `PDF 共 ${pages} 页，超过上限 ${limit} 页，未读取。年度报告通常不超过 20 页，请确认选择的文件是否正确`,
  pdfTooMuchText: (limit: number): string =>
    `PDF 中的文字片段超过 ${limit} 个（年度报告通常只有几千个，可能是恶意构造的文件），为安全起见未读取；请上传 Word 或网页文件`,
  notReport: (): string => "未找到年度报告的标题、章节标题或统计表格，这似乎不是政府信息公开工作年度报告，未读取",
  pdfNotReport: (): string =>
    "未找到年度报告的标题、章节标题或统计表格，未读取。如果这确是年度报告，可能是 PDF 中的文字无法正确提取（有的 PDF 的字体未带文字编码，复制出的文字是乱码）；请上传 Word 或网页文件",
  archiveTooLarge: (limit: number): string =>
    `Word 文档的文字部分解压后超过 ${megabytes(limit)}（年度报告通常不到 1 MB，可能是恶意构造的压缩文件），为安全起见未读取；请在 Word 中“另存为”新的 .docx 文档后重试`,
  archiveUnsafe: (): string => "Word 文档的压缩结构异常（可能是恶意构造的文件），为安全起见未读取",
  tooDeep: (limit: number): string =>
    `文件结构过于复杂（嵌套超过 ${limit} 层），无法读取。请另存为普通网页或 Word 文档后重试`,
  tooManyElements: (limit: number): string =>
    `文件结构过于复杂（超过 ${limit} 个网页元素），无法读取。请另存为普通网页或 Word 文档后重试`,
  readTimedOut: (seconds: number): string =>
    `文件读取超过 ${seconds} 秒仍未完成（内容过于复杂，或是恶意构造的文件），已停止读取。请另存为普通网页或 Word 文档后重试`,
  readOutOfMemory: (megabytes: number): string =>
    `读取文件所需的内存超过 ${megabytes} MB（内容过于复杂，或是恶意构造的文件），已停止读取。请另存为普通网页或 Word 文档后重试`,
  readersBusy: (): string => "服务繁忙，正在读取其他上传的文件，本文件未读取。请稍后重试",
  archiveMissingDocument: (): string =>
    "文件是压缩包，但其中没有 Word 正文（word/document.xml），不是有效的 .docx 文件",

  // ------------------------------------------------------------ title, year, layout
  titleMissing: (): string =>
    "未找到报告标题（如“××乡人民政府2023年政府信息公开工作年度报告”），无法读出机关名称，请核对标题",
  yearMissing: (): string => "未能从标题或统计期限中读出报告年度，请在标题中写明年度（如“2023年”）",
  yearLayoutMismatch: (year: number, expected: string, actual: string): string =>
    `报告年度为 ${year} 年，应使用${expected}，但表格采用的是${actual}；已按表格的格式读取，请核对`,
  layoutUndecided: (chosen: string): string => `表格中没有可区分新旧格式的栏目，已按${chosen}读取`,

  // ------------------------------------------------------------ sections
  sectionMissing: (heading: string): string => `未找到${q(heading)}部分，其中的内容未读取`,
  sectionDuplicate: (heading: string): string =>
    `标题${q(heading)}出现了不止一次，重复的标题已作为正文读入，请删除多余的标题`,
  sectionNumbering: (printed: string, heading: string): string =>
    `标题写作${q(printed)}，编号应为${q(heading)}；已按该部分读取`,
  sectionWording: (printed: string, heading: string): string =>
    `标题写作${q(printed)}，模板为${q(heading)}；已按该部分读取，请按模板修改标题`,
  sectionOrder: (heading: string): string => `${q(heading)}的位置与模板顺序不一致，请核对各部分的顺序`,
  sectionByContent: (printed: string, heading: string): string =>
    `标题写作${q(printed)}，编号与模板不同，按内容应为${q(heading)}；已按该部分读取，请按模板更正标题和编号`,
  sectionExtra: (printed: string, into: string): string =>
    `${q(printed)}不是模板的章节，其内容已归入${q(into)}，后面各部分已按内容对应到模板；请将其并入${q(into)}并调整编号`,

  // ------------------------------------------------------------ sub-parts of 一、总体情况
  partMissing: (section: string, part: string): string => `${q(section)}中未找到${q(part)}部分`,
  partWording: (printed: string, part: string): string =>
    `小标题${q(printed)}与模板的${q(part)}不一致，已归入${q(part)}，请核对`,
  partPlaced: (printed: string, part: string): string =>
    `小标题${q(printed)}对应模板的${q(part)}，但编号或顺序与模板不同；已归入${q(part)}，请按模板顺序排列`,
  partsNone: (section: string, parts: readonly string[]): string =>
    `${q(section)}没有按模板分为${parts.map(q).join("")}等部分，全文已读入${q(section)}，请按模板分段`,

  // ------------------------------------------------------------ tables
  gridMissing: (table: string, grid: string): string => `${q(table)}中未找到${q(grid)}的数据`,
  tableEmpty: (table: string): string => `${q(table)}部分没有读到任何表格数据，请核对表格是否完整`,
  rowMissing: (table: string, row: string): string => `${q(table)}表中缺少${q(row)}一行，该行数据未读取`,
  rowTooFew: (
    row: string,
    expected: number,
    values: readonly string[],
    filled: readonly string[],
    unread: readonly string[],
  ): string =>
    `${q(row)}应有 ${expected} 个数值，只读到 ${values.length} 个（${values.join("、")}）；已按顺序填入${filled
      .map(q)
      .join("、")}，${unread.map(q).join("、")}未读取，请核对各数值对应的列`,
  rowsMissing: (table: string, first: string, last: string, count: number): string =>
    `${q(table)}表中缺少从${q(first)}到${q(last)}共 ${count} 行，这些行的数据未读取`,
  rowsTooFew: (
    first: string,
    last: string,
    count: number,
    expected: number,
    got: number,
    filled: readonly string[],
    unread: readonly string[],
  ): string =>
    `从${q(first)}到${q(last)}共 ${count} 行，每行应有 ${expected} 个数值，只读到 ${got} 个；已按顺序填入${filled
      .map(q)
      .join("、")}，${unread.map(q).join("、")}未读取，请核对各数值对应的列`,
  rowNone: (row: string): string => `${q(row)}一行没有填写数值`,
  rowTooMany: (row: string, expected: number, values: readonly string[]): string =>
    `${q(row)}应有 ${expected} 个数值，读到 ${values.length} 个（${values.join("、")}）；已取前 ${expected} 个，其余未读取，请核对是否缺少行标题`,
  cellBlank: (cell: string, raw: string): string =>
    raw === ""
      ? `${q(cell)}空白，视为未填写；没有发生的请填 0`
      : `${q(cell)}填写为${q(raw)}，视为未填写；没有发生的请填 0`,
  headerWording: (printed: string, header: string): string =>
    `表头写作${q(printed)}，模板为${q(header)}；已按模板的列读取，请更正表头`,
  rowWording: (printed: string, row: string): string =>
    `行名称写作${q(printed)}，模板为${q(row)}；已按该行读取，请更正行名称`,
  rowOtherLayout: (printed: string, otherLayout: string, row: string): string =>
    `行名称写作${q(printed)}（${otherLayout}的写法），本表格式为${q(row)}；已按该行读取，请按模板更正行名称`,
  cellUnitConverted: (cell: string, raw: string, converted: number, unit: string): string =>
    `${q(cell)}填写为${q(raw)}，已换算为模板的单位：${converted} ${unit}，请核对`,
  headerUnitConverted: (
    cell: string,
    header: string,
    raw: string,
    from: string,
    converted: number,
    to: string,
  ): string =>
    `表头${q(header)}注明单位为“${from}”，${q(cell)}的 ${raw} ${from}已换算为模板的单位：${converted} ${to}，请核对`,
  cellUnitWrong: (cell: string, raw: string, expected: string): string =>
    `${q(cell)}填写为${q(raw)}，单位与该栏不符（该栏应填${expected}），未读取，请核对`,
  tableExtra: (table: string, caption: string): string =>
    `${q(table)}的表格之后还有模板以外的表格（从${q(caption)}起），未读入${q(table)}，其内容已归入“其他需要报告的事项”；请核对`,

  // ------------------------------------------------------------ 统计期限
  periodUnreadable: (raw: string, suggestion: string | undefined): string =>
    `统计期限中的日期${q(raw)}不是有效日期，起止日期未读入${suggestion ? `（可能应为${q(suggestion)}）` : ""}；请写成“2023年1月1日”这样的完整日期`,
  periodMissing: (): string => "未找到统计期限（如“本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止”）",
} as const;
