/**
 * The report workbook both ways: what the writer puts in it (merged headers as the view model
 * spans them, locked labels, validation on input cells, totals as formulas, a defined name per
 * input cell) and what the reader takes back (figures by cell id, a zh-CN refusal per cell it
 * cannot read, hostile files refused whole), including after LibreOffice Calc saved it again.
 */
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { editWorkbookCells, resaveWithLibreOffice } from "@/fixtures/spreadsheets/office-round-trip";
import {
  withExternalLink,
  withMacros,
  withParts,
  writeLongXlsx,
  writeXlsx,
} from "@/fixtures/spreadsheets/write-spreadsheets";
import { createReadingPool } from "../read-in-worker";
import { toReportView } from "@/lib/render/to-report-view";
import { blankReportData, type ReportData } from "@/lib/report-data";
import { sampleReportData } from "@/lib/report-data/sample-report-data";
import { compileLayout, getLayout, layoutIds, type Layout, type LayoutId } from "@/lib/template";
import { placeWorkbookCells, workbookMessages } from "./place-workbook-cells";
import { readReportWorkbook } from "./read-report-workbook";
import { workbookCellName } from "./report-workbook-names";
import type { ReportWorkbookReading } from "./types";
import { REPORT_WORKBOOK_SHEET, writeReportWorkbook } from "./write-report-workbook";

const options = { organizationName: "朝阳镇人民政府", year: 2025 };

const write = (layout: Layout, data: ReportData, withFigures = true) =>
  writeReportWorkbook(layout, data, { ...options, withFigures });

async function load(xlsx: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
  return workbook;
}

function ok(reading: ReportWorkbookReading) {
  if (!reading.ok) throw new Error(`refused: ${reading.message}`);
  return reading;
}

/** Where each input cell of `layout` sits in the written workbook, by its defined name. */
async function addressesOf(layout: Layout, xlsx: Uint8Array): Promise<Map<string, string>> {
  const reading = ok(await readReportWorkbook(xlsx));
  const byName = new Map(reading.cells.map((cell) => [cell.name, cell.address]));
  return new Map(
    compileLayout(layout).inputCells.map((cell) => [cell.id, byName.get(workbookCellName(layout.id, cell.id)) ?? ""]),
  );
}

const inputFigures = (layout: Layout, data: ReportData) =>
  Object.fromEntries(compileLayout(layout).inputCells.map((cell) => [cell.id, data.cells[cell.id] ?? null]));

describe.each(layoutIds)("the %s workbook as written", (layoutId: LayoutId) => {
  const layout = getLayout(layoutId);
  const compiled = compileLayout(layout);
  const data = sampleReportData(layout);

  it("merges exactly the header cells the view model spans, each with its label", async () => {
    const workbook = await load(await write(layout, data));
    const sheet = workbook.getWorksheet(REPORT_WORKBOOK_SHEET)!;
    const view = toReportView(layout, data, options);
    const spanned = view.sections
      .flatMap((section) => (section.kind === "table" ? section.grids : []))
      .flatMap((grid) => [...grid.headerRows.flat(), ...grid.bodyRows.flatMap((row) => row.cells)])
      .flatMap((cell) =>
        cell.kind === "header" && (cell.colSpan > 1 || cell.rowSpan > 1)
          ? [`${cell.text} ${cell.rowSpan}×${cell.colSpan}`]
          : [],
      );
    // The title and the note run across the sheet; every other merge is a spanned header.
    const merges = (sheet.model as unknown as { merges: string[] }).merges.map((range) => {
      const [from, to] = range.split(":").map((address) => sheet.getCell(address!));
      const rows = Number(to!.row) - Number(from!.row) + 1;
      const columns = Number(to!.col) - Number(from!.col) + 1;
      return `${String(from!.value)} ${rows}×${columns}`;
    });
    expect(merges.filter((merge) => !merge.includes("年度报告") && !merge.startsWith("请只在")).sort()).toEqual(
      spanned.sort(),
    );
    expect(merges).toHaveLength(spanned.length + 2);
  });

  it("ties every input cell to its id, unlocked, with its type's validation; totals are locked SUM formulas", async () => {
    const xlsx = await write(layout, data);
    const sheet = (await load(xlsx)).getWorksheet(REPORT_WORKBOOK_SHEET)!;
    const addresses = await addressesOf(layout, xlsx);
    expect([...addresses.values()].filter((address) => address === "")).toEqual([]);
    expect(new Set(addresses.values()).size).toBe(compiled.inputCells.length);
    for (const cell of compiled.inputCells) {
      const target = sheet.getCell(addresses.get(cell.id)!);
      expect(target.protection?.locked, cell.id).toBe(false);
      expect(target.value, cell.id).toBe(data.cells[cell.id] ?? null);
      const validation = target.dataValidation;
      if (cell.type === "money") {
        expect(validation.type).toBe("custom");
        expect(validation.formulae?.[0]).toContain(`ROUND(${target.address},${cell.decimals ?? 4})`);
      } else {
        expect(validation).toMatchObject({ type: "whole", operator: "between" });
        expect(validation.formulae?.[0]).toBe(cell.type === "count" ? 0 : -1_000_000_000);
      }
    }
    // One locked SUM formula per total (which cells it adds: "a total's formula" below).
    const formulas: { address: string; formula: string; isLocked: boolean }[] = [];
    sheet.eachRow((row) =>
      row.eachCell((target) => {
        const value = target.value as { formula?: string } | null;
        if (value && typeof value === "object" && "formula" in value)
          formulas.push({
            address: target.address,
            formula: value.formula ?? "",
            isLocked: target.protection?.locked ?? true,
          });
      }),
    );
    expect(formulas).toHaveLength(compiled.totals.length);
    for (const { address, formula, isLocked } of formulas) {
      expect(formula, address).toMatch(/^SUM\([A-Z]+\d+(,[A-Z]+\d+)*\)$/);
      expect(isLocked, address).toBe(true);
    }
    // Everything else (title, headers, row labels, totals) stays locked.
    const inputAddresses = new Set(addresses.values());
    const unlocked: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((target) => {
        if (target.protection?.locked === false && !inputAddresses.has(target.address)) unlocked.push(target.address);
      }),
    );
    expect(unlocked).toEqual([]);
    expect((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
  });

  it("writes the blank form with every input cell empty", async () => {
    const xlsx = await write(layout, data, false);
    const placed = placeWorkbookCells(layout, ok(await readReportWorkbook(xlsx)));
    expect(placed).toMatchObject({ ok: true, refusals: [] });
    if (placed.ok) expect(Object.values(placed.cells).every((value) => value === null)).toBe(true);
  });

  it("reads back every figure it wrote, by cell id", async () => {
    const placed = placeWorkbookCells(layout, ok(await readReportWorkbook(await write(layout, data))));
    expect(placed).toEqual({
      ok: true,
      title: `朝阳镇人民政府${options.year}年政府信息公开工作年度报告（表格）`,
      cells: inputFigures(layout, data),
      refusals: [],
    });
  });
});

// The workbooks above are every layout's; those below are gov-2021's.
const gov2021 = getLayout("gov-2021");

describe("a total's formula", () => {
  it("sums the cells of its operands", async () => {
    const xlsx = await write(gov2021, sampleReportData(gov2021));
    const sheet = (await load(xlsx)).getWorksheet(REPORT_WORKBOOK_SHEET)!;
    const inputs = await addressesOf(gov2021, xlsx);
    const compiled = compileLayout(gov2021);
    // Every total whose operands are all input cells: its formula names exactly their addresses.
    const simple = compiled.totals.filter((total) => total.total.operands.every((operand) => inputs.has(operand)));
    expect(simple.length).toBeGreaterThan(10);
    const formulas = new Map<string, string>();
    sheet.eachRow((row) =>
      row.eachCell((target) => {
        const value = target.value as { formula?: string } | null;
        if (value && typeof value === "object" && value.formula) formulas.set(value.formula, target.address);
      }),
    );
    for (const total of simple)
      expect(
        formulas.has(`SUM(${total.total.operands.map((operand) => inputs.get(operand)).join(",")})`),
        total.id,
      ).toBe(true);
  });
});

describe("a filled workbook read back", () => {
  const blank = blankReportData(gov2021, options.organizationName, options.year);
  const ids = compileLayout(gov2021).inputCells;
  const count = ids.find((cell) => cell.type === "count")!;
  const money = ids.find((cell) => cell.type === "money")!;

  async function filled(edits: (addresses: Map<string, string>) => Record<string, ExcelJS.CellValue>) {
    const xlsx = await write(gov2021, blank, false);
    const addresses = await addressesOf(gov2021, xlsx);
    return { addresses, xlsx: await editWorkbookCells(xlsx, edits(addresses)) };
  }

  it("refuses, cell by cell in zh-CN, what is not a figure of the cell's type, and reads the rest", async () => {
    const [a, b, c, d, e, f, g, untouched] = ids.filter((cell) => cell.type === "count");
    const { addresses, xlsx } = await filled((at) => ({
      [at.get(a!.id)!]: "三件",
      [at.get(b!.id)!]: { formula: "1+2" } as ExcelJS.CellValue,
      [at.get(c!.id)!]: -1,
      [at.get(d!.id)!]: 1.5,
      [at.get(e!.id)!]: "1,234",
      [at.get(f!.id)!]: "３５",
      [at.get(g!.id)!]: 0,
      [at.get(money.id)!]: 1.23456,
    }));
    const placed = placeWorkbookCells(gov2021, ok(await readReportWorkbook(xlsx)));
    if (!placed.ok) throw new Error(placed.message);
    const at = (cell: { id: string }) => addresses.get(cell.id)!;
    expect(placed.refusals).toEqual(
      [
        { cellId: a!.id, address: at(a!), message: workbookMessages.notNumber(at(a!), "三件") },
        { cellId: b!.id, address: at(b!), message: workbookMessages.formula(at(b!)) },
        { cellId: c!.id, address: at(c!), message: `${at(c!)}：请输入 0 或正整数` },
        { cellId: d!.id, address: at(d!), message: `${at(d!)}：请输入整数` },
        { cellId: money.id, address: at(money), message: `${at(money)}：金额最多保留 4 位小数，请四舍五入` },
      ].sort((x, y) => ids.findIndex((cell) => cell.id === x.cellId) - ids.findIndex((cell) => cell.id === y.cellId)),
    );
    expect(placed.cells).toMatchObject({ [e!.id]: 1234, [f!.id]: 35, [g!.id]: 0, [untouched!.id]: null });
    for (const refused of placed.refusals) expect(placed.cells).not.toHaveProperty(refused.cellId);
  });

  it("refuses a workbook of the other layout, and one this app did not write", async () => {
    const gov2019 = getLayout("gov-2019");
    const other = await write(gov2019, sampleReportData(gov2019));
    expect(placeWorkbookCells(gov2021, ok(await readReportWorkbook(other)))).toEqual({
      ok: false,
      message: workbookMessages.otherLayout(gov2019.basis),
    });
    const plain = await writeXlsx([["一、本年新收政府信息公开申请数量", "35"]]);
    expect(placeWorkbookCells(gov2021, ok(await readReportWorkbook(plain)))).toEqual({
      ok: false,
      message: workbookMessages.notOurs(),
    });
  });

  it("says which cells lost their name", async () => {
    const xlsx = await write(gov2021, blank, false);
    const victim = workbookCellName(gov2021.id, count.id);
    const parts = (await import("fflate")).unzipSync(xlsx);
    const workbookXml = new TextDecoder().decode(parts["xl/workbook.xml"]);
    const edited = workbookXml.replace(
      new RegExp(`<definedName name="${victim.replace(/\./g, "\\.")}">[^<]*</definedName>`),
      `<definedName name="${victim}">#REF!</definedName>`,
    );
    expect(edited).not.toBe(workbookXml);
    const placed = placeWorkbookCells(
      gov2021,
      ok(await readReportWorkbook(withParts(xlsx, { "xl/workbook.xml": edited }))),
    );
    expect(placed).toMatchObject({
      ok: true,
      refusals: [{ cellId: count.id, address: "", message: workbookMessages.missing() }],
    });
  });
});

describe("hostile workbooks", () => {
  it.each([
    ["VBA macros", withMacros, "macros"],
    ["an external link", withExternalLink, "externalLinks"],
  ] as const)("refuses a report workbook with %s", async (_, hostile, code) => {
    const xlsx = await write(gov2021, sampleReportData(gov2021));
    expect(await readReportWorkbook(hostile(xlsx))).toMatchObject({ ok: false, code });
  });

  it("refuses 100,000 rows before reading them", async () => {
    expect(await readReportWorkbook(await writeLongXlsx(100_000))).toMatchObject({ ok: false, code: "tooManyRows" });
  }, 60_000);

  it("refuses an old .xls and what is not a workbook", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await readReportWorkbook(ole)).toMatchObject({ ok: false, code: "legacyFormat" });
    expect(await readReportWorkbook(new TextEncoder().encode("a,b"))).toMatchObject({ ok: false, code: "damaged" });
  });
});

describe("in the reading pool", () => {
  const pool = createReadingPool({ threads: 1, waiting: 2, timeLimitMs: 20_000, memoryLimitMb: 256 });
  afterAll(() => pool.destroy());

  it("reads a report workbook off the calling thread", async () => {
    const data = sampleReportData(gov2021);
    const reading = await pool.readReportWorkbook(await write(gov2021, data), "表格.xlsx");
    expect(placeWorkbookCells(gov2021, ok(reading))).toMatchObject({ ok: true, cells: inputFigures(gov2021, data) });
  }, 60_000);
});

describe("a workbook saved again by LibreOffice Calc", () => {
  it("keeps every cell id, and changes exactly the cells typed into", async () => {
    const draft = sampleReportData(gov2021);
    const xlsx = await write(gov2021, draft);
    const addresses = await addressesOf(gov2021, xlsx);
    const [first, second] = compileLayout(gov2021).inputCells.filter(
      (cell) => cell.tableId === "t3" || cell.tableId === "t4",
    );
    const edited = await editWorkbookCells(xlsx, {
      [addresses.get(first!.id)!]: (draft.cells[first!.id] ?? 0) + 7,
      [addresses.get(second!.id)!]: null,
    });
    const resaved = resaveWithLibreOffice(edited);
    const placed = placeWorkbookCells(gov2021, ok(await readReportWorkbook(resaved)));
    if (!placed.ok) throw new Error(placed.message);
    expect(placed.refusals).toEqual([]);
    const changed = Object.entries(placed.cells).filter(([id, value]) => value !== (draft.cells[id] ?? null));
    expect(changed).toEqual([
      [first!.id, (draft.cells[first!.id] ?? 0) + 7],
      [second!.id, null],
    ]);
    expect(Object.keys(placed.cells)).toHaveLength(compileLayout(gov2021).inputCells.length);
  }, 120_000);
});
