/**
 * The four faces of an official document (GB/T 9704-2012 and the practice of
 * 党政机关公文): the title in 小标宋, the body in 仿宋, 一、 headings in 黑体,
 * （一） headings in 楷体. Page numbers and table figures use the body face.
 *
 * Each face is drawn with the office's own licensed font when one is in the
 * font folder (load-pdf-fonts.ts), else with an open font from npm:
 *
 * | face  | office font (file names recognised)                  | open stand-in                       |
 * | ----- | ---------------------------------------------------- | ----------------------------------- |
 * | title | 方正小标宋简体 (FZXBSJW), 小标宋                     | Noto Serif SC Bold                  |
 * | body  | 仿宋_GB2312, 仿宋 (FangSong, simfang)                | Noto Serif SC Regular (no open 仿宋) |
 * | heiti | 黑体 (SimHei)                                         | Noto Sans SC Regular                |
 * | kaiti | 楷体_GB2312, 楷体 (KaiTi, simkai)                    | LXGW WenKai Regular                 |
 *
 * Universal: names only.
 */
export const pdfFaces = ["title", "body", "heiti", "kaiti"] as const;
export type PdfFace = (typeof pdfFaces)[number];

/** What each face is called in Chinese typesetting, and the font name a DOCX asks Word for. */
export const faceNames: Record<PdfFace, { readonly zh: string; readonly docxFont: string }> = {
  title: { zh: "小标宋", docxFont: "方正小标宋简体" },
  body: { zh: "仿宋", docxFont: "仿宋_GB2312" },
  heiti: { zh: "黑体", docxFont: "黑体" },
  kaiti: { zh: "楷体", docxFont: "楷体_GB2312" },
};

/**
 * File names (without .ttf/.otf, compared case-insensitively) an office may
 * give its licensed fonts in the font folder, per face, in order of preference.
 */
export const officeFontFileNames: Record<PdfFace, readonly string[]> = {
  title: ["方正小标宋简体", "方正小标宋_GBK", "方正小标宋", "小标宋", "FZXBSJW", "FZXBSK", "FZXiaoBiaoSong-B05S"],
  body: ["仿宋_GB2312", "仿宋GB2312", "FangSong_GB2312", "仿宋", "FangSong", "simfang", "STFANGSO"],
  heiti: ["黑体", "SimHei", "simhei", "方正黑体简体", "STHEITI"],
  kaiti: ["楷体_GB2312", "楷体GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "simkai", "STKAITI"],
};
