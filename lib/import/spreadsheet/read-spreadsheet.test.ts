/**
 * The spreadsheet reader on real files: workbooks written by exceljs (and one saved by
 * LibreOffice, committed as a fixture), CSV in the encodings Excel and WPS save, and the
 * hostile files of the brief (macros, external links, a zip bomb, 100,000 rows, 20 MB,
 * formulas), read in this thread and through the reading pool.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  concatBytes,
  encodeGb18030,
  encodeUtf16le,
  toCsv,
  UTF8_BOM,
  withExternalLink,
  withInflatedSheet,
  withMacros,
  withParts,
  writeLongXlsx,
  writeXlsx,
} from "@/fixtures/spreadsheets/write-spreadsheets";
import { createReadingPool } from "../read-in-worker";
import { MAX_SPREADSHEET_ROWS } from "./limits";
import { readSpreadsheetBytes } from "./read-spreadsheet-bytes";
import { readSpreadsheetUpload } from "./read-spreadsheet-upload";
import type { SpreadsheetReading } from "./types";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(path.join(import.meta.dirname, "../../../fixtures/spreadsheets", name)));

function ok(reading: SpreadsheetReading) {
  if (!reading.ok) throw new Error(`refused: ${reading.message}`);
  return reading;
}

const encoder = new TextEncoder();
const table = [
  ["名称", "类型", "行政区划代码"],
  ["董封乡人民政府", "乡", "140522200000"],
  ["凤城镇人民政府", "镇", "140522100000"],
];

describe("an .xlsx workbook", () => {
  it("reads the first visible sheet's rows as trimmed text, numbered as the sheet numbers them", async () => {
    const xlsx = await writeXlsx(
      [
        ["名称 ", "\u3000类型", "代码"],
        ["董封乡人民政府", "乡", 140522200000],
        [],
        [{ richText: [{ text: "北留" }, { text: "镇" }] }, "镇", "140522101000"],
        ["日期", new Date(Date.UTC(2026, 0, 31)), true],
      ],
      { sheetName: "单位" },
    );
    const reading = ok(await readSpreadsheetBytes(xlsx, "units.xlsx"));
    expect(reading).toMatchObject({ format: "xlsx", sheetName: "单位", headerRowNumber: 1 });
    expect(reading.header).toEqual(["名称", "类型", "代码"]);
    expect(reading.rows).toEqual([
      { rowNumber: 2, cells: ["董封乡人民政府", "乡", "140522200000"], problems: [] },
      { rowNumber: 4, cells: ["北留镇", "镇", "140522101000"], problems: [] },
      { rowNumber: 5, cells: ["日期", "2026-01-31", "TRUE"], problems: [] },
    ]);
  });

  it("skips hidden sheets and takes the header from the first row with content", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("隐藏", { state: "hidden" }).addRow(["不应读取"]);
    const sheet = workbook.addWorksheet("单位");
    for (const row of [[], ["", ""], ...table]) sheet.addRow(row);
    workbook.addWorksheet("说明").addRow(["也不应读取"]);
    const reading = ok(await readSpreadsheetBytes(new Uint8Array(await workbook.xlsx.writeBuffer()), "units.xlsx"));
    expect(reading.sheetName).toBe("单位");
    expect(reading.headerRowNumber).toBe(3);
    expect(reading.rows.map((row) => row.rowNumber)).toEqual([4, 5]);
  });

  it("gives formula cells, error values and numbers that lost digits as problems of their row", async () => {
    const xlsx = await writeXlsx([
      table[0]!,
      ["董封乡人民政府", { formula: 'LEFT("乡",1)', result: "乡" }, 140522200000],
      ["凤城镇人民政府", "镇", { error: "#N/A" }],
      ["北留镇人民政府", "镇", 911405220000000000],
    ]);
    const reading = ok(await readSpreadsheetBytes(xlsx, "units.xlsx"));
    expect(reading.rows.map((row) => [row.rowNumber, row.cells, row.problems.map((p) => p.message)])).toEqual([
      [2, ["董封乡人民政府", "", "140522200000"], ["B 列是公式，不读取公式；请复制该列后“选择性粘贴为数值”再上传"]],
      [3, ["凤城镇人民政府", "镇", ""], ["C 列是错误值 #N/A，请改为实际内容"]],
      [
        4,
        ["北留镇人民政府", "镇", "911405220000000000"],
        ["C 列是超过 15 位的数字，Excel/WPS 已丢失末尾的数字；请将该列设为“文本”格式后重新输入"],
      ],
    ]);
  });

  it("cuts a 10,000-character cell and says so on its row", async () => {
    const reading = ok(await readSpreadsheetBytes(await writeXlsx([table[0]!, ["乡".repeat(10_000)]]), "a.xlsx"));
    expect(reading.rows[0]?.cells[0]).toHaveLength(500);
    expect(reading.rows[0]?.problems).toEqual([{ column: 0, message: "A 列超过 500 个字符，请检查内容" }]);
  });

  it("does not expand a data validation over a whole column or a huge merged range", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("单位");
    for (const row of table) sheet.addRow(row);
    // Typed in exceljs's sources but not in its declarations.
    (sheet as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations.add(
      "B2:B1048576",
      { type: "list", allowBlank: true, formulae: ['"乡,镇,街道"'] },
    );
    sheet.mergeCells("E1:Z5000");
    const reading = ok(await readSpreadsheetBytes(new Uint8Array(await workbook.xlsx.writeBuffer()), "a.xlsx"));
    expect(reading.rows).toHaveLength(2);
  });

  it("reads a workbook saved by LibreOffice Calc (shared strings after the sheet, its own styles)", async () => {
    const reading = ok(await readSpreadsheetBytes(fixture("units-libreoffice.xlsx"), "units-libreoffice.xlsx"));
    expect(reading.header.slice(0, 3)).toEqual(["单位名称", "类型", "上级单位"]);
    expect(reading.rows.length).toBeGreaterThanOrEqual(3);
    expect(reading.rows.every((row) => row.problems.length === 0)).toBe(true);
  });

  it("reads inline strings and absolute part names, as other writers store them", async () => {
    const xlsx = withParts(await writeXlsx([["x"]]), {
      "xl/worksheets/sheet1.xml":
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>祥云镇 &amp; 温县</t></is></c></row></sheetData></worksheet>',
    });
    const reading = ok(await readSpreadsheetBytes(xlsx, "a.xlsx"));
    expect(reading.header).toEqual(["名称"]);
    expect(reading.rows[0]?.cells[0]).toBe("祥云镇 & 温县");
  });

  it.each([
    ["VBA macros", withMacros, "macros"],
    ["an external link", withExternalLink, "externalLinks"],
  ] as const)("refuses a workbook with %s, whatever its name", async (_, hostile, code) => {
    const reading = await readSpreadsheetBytes(hostile(await writeXlsx(table)), "units.xlsx");
    expect(reading).toMatchObject({ ok: false, code });
  });

  it("refuses a macro-enabled content type and XLM macro sheets", async () => {
    const base = await writeXlsx(table);
    const contentTypes = new TextDecoder()
      .decode((await import("fflate")).unzipSync(base)["[Content_Types].xml"])
      .replace("spreadsheetml.sheet.main+xml", "spreadsheetml.sheet.main+xml")
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      );
    expect(
      await readSpreadsheetBytes(withParts(base, { "[Content_Types].xml": contentTypes }), "a.xlsx"),
    ).toMatchObject({ ok: false, code: "macros" });
    expect(
      await readSpreadsheetBytes(withParts(base, { "xl/macrosheets/sheet1.xml": "<xm/>" }), "a.xlsx"),
    ).toMatchObject({ ok: false, code: "macros" });
  });

  it("refuses a sheet that inflates past the cap (a zip bomb) without reading it", async () => {
    const bomb = withInflatedSheet(await writeXlsx(table), 40);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const reading = await readSpreadsheetBytes(bomb, "bomb.xlsx");
    expect(reading).toMatchObject({ ok: false, code: "archiveTooLarge" });
  });

  it("refuses 100,000 rows, saying the cap", async () => {
    const reading = await readSpreadsheetBytes(await writeLongXlsx(100_000), "long.xlsx");
    expect(reading).toEqual({
      ok: false,
      code: "tooManyRows",
      message: "表格超过 5,000 行，未读取。请确认选择的文件是否正确，或分成几个文件上传",
    });
    // Writing 100,000 rows with exceljs takes most of this; a busy machine needs more than the default.
  }, 60_000);

  it("reads exactly the row cap, and refuses one row more", async () => {
    expect(ok(await readSpreadsheetBytes(await writeLongXlsx(MAX_SPREADSHEET_ROWS), "a.xlsx")).rows).toHaveLength(
      MAX_SPREADSHEET_ROWS,
    );
    expect(await readSpreadsheetBytes(await writeLongXlsx(MAX_SPREADSHEET_ROWS + 1), "a.xlsx")).toMatchObject({
      ok: false,
      code: "tooManyRows",
    });
  }, 60_000);

  it("refuses more columns than the cap", async () => {
    const wide = Array.from({ length: 40 }, (_, index) => `列${index}`);
    expect(await readSpreadsheetBytes(await writeXlsx([wide]), "a.xlsx")).toMatchObject({
      ok: false,
      code: "tooManyColumns",
      message: "表格有 40 列内容，超过上限 30 列，未读取。请使用模板中的列",
    });
  });

  it("refuses a damaged archive, an old .xls and an empty sheet", async () => {
    const xlsx = await writeXlsx(table);
    expect(await readSpreadsheetBytes(xlsx.slice(0, 200), "a.xlsx")).toMatchObject({ ok: false, code: "damaged" });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await readSpreadsheetBytes(ole, "a.xlsx")).toMatchObject({ ok: false, code: "legacyFormat" });
    expect(await readSpreadsheetBytes(await writeXlsx([]), "a.xlsx")).toMatchObject({ ok: false, code: "noHeader" });
    expect(await readSpreadsheetBytes(encoder.encode("名称\n"), "a.xlsx")).toMatchObject({
      ok: false,
      code: "damaged",
    });
  });
});

const readCsvBytes = (bytes: Uint8Array) => readSpreadsheetBytes(bytes, "units.csv");

describe("a CSV file", () => {
  const csv = toCsv(table);
  const expected = [
    { rowNumber: 2, cells: table[1], problems: [] },
    { rowNumber: 3, cells: table[2], problems: [] },
  ];

  it.each([
    ["UTF-8", encoder.encode(csv), "utf-8"],
    ["UTF-8 with a BOM (Excel's “CSV UTF-8”)", concatBytes(UTF8_BOM, encoder.encode(csv)), "utf-8"],
    ["GB18030 (Excel's and WPS's “CSV” on a Chinese Windows)", encodeGb18030(csv), "gb18030"],
    ["UTF-16 with tabs (“Unicode 文本”)", encodeUtf16le(toCsv(table, "\t")), "utf-16"],
  ] as const)("reads %s", async (_, bytes, encoding) => {
    const reading = ok(await readCsvBytes(bytes));
    expect(reading).toMatchObject({ format: "csv", encoding, header: table[0] });
    expect(reading.rows).toEqual(expected);
  });

  it("numbers rows by record, a quoted cell over two lines counting once", async () => {
    const reading = ok(await readCsvBytes(encoder.encode('名称,说明\n"甲乡","第一行\n第二行"\n\n乙镇,x\n')));
    expect(reading.rows.map((row) => [row.rowNumber, row.cells])).toEqual([
      [2, ["甲乡", "第一行\n第二行"]],
      [4, ["乙镇", "x"]],
    ]);
  });

  it("refuses 100,000 rows and a binary file", async () => {
    const long = toCsv([["名称"], ...Array.from({ length: 100_000 }, (_, index) => [`单位${index}`])]);
    expect(await readCsvBytes(encoder.encode(long))).toMatchObject({ ok: false, code: "tooManyRows" });
    const binary = new Uint8Array(4096).map((_, index) => (index * 7) % 256);
    expect(await readCsvBytes(binary)).toMatchObject({ ok: false, code: "notText" });
  });
});

describe("an upload", () => {
  const pool = createReadingPool({ threads: 1, waiting: 1, timeLimitMs: 5_000, memoryLimitMb: 256 });
  afterAll(() => pool.destroy());

  it.each([
    ["units.xls", "旧版 Excel 工作簿（.xls）无法读取，请在 Excel 或 WPS 中“另存为” .xlsx 格式后再上传"],
    ["units.xlsm", "含宏的工作簿（.xlsm）不能上传，请“另存为”不含宏的 .xlsx 格式后再上传"],
    ["units.docx", "不支持 “.docx” 格式的文件，请上传 .xlsx 工作簿或 .csv 文件"],
  ])("refuses %s by its name before reading it", async (name, message) => {
    expect(await readSpreadsheetUpload(name, encoder.encode("x"))).toEqual({ ok: false, code: "unsupported", message });
  });

  it("refuses 20 MB before reading a byte of it", async () => {
    const reading = await readSpreadsheetUpload("big.csv", new Uint8Array(20 * 1024 * 1024));
    expect(reading).toEqual({
      ok: false,
      code: "tooLarge",
      message: "文件大小为 20.0 MB，超过上限 5.0 MB，未读取。请确认选择的文件是否正确，或分成几个文件上传",
    });
  });

  it("is read in the reading pool exactly as in this thread", async () => {
    const xlsx = await writeXlsx(table);
    expect(await pool.readSpreadsheet(xlsx, "units.xlsx")).toEqual(await readSpreadsheetBytes(xlsx, "units.xlsx"));
    expect(await readSpreadsheetUpload("units.xlsx", xlsx)).toEqual(await readSpreadsheetBytes(xlsx, "units.xlsx"));
  });

  it("is stopped by the pool's time limit like any reading, and the pool reads the next file", async () => {
    const slow = createReadingPool({ threads: 1, waiting: 1, timeLimitMs: 1, memoryLimitMb: 256 });
    try {
      expect(await slow.readSpreadsheet(await writeLongXlsx(MAX_SPREADSHEET_ROWS), "a.xlsx")).toMatchObject({
        ok: false,
        code: "tooComplex",
      });
    } finally {
      await slow.destroy();
    }
    expect((await pool.readSpreadsheet(await writeXlsx(table), "a.xlsx")).ok).toBe(true);
  });
});
