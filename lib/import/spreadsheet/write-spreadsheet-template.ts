/**
 * A template workbook for an import page to offer for download: one sheet with the header
 * row (bold, frozen, columns as text so Excel and WPS keep leading zeros and long codes
 * whole), example rows, and a second sheet of notes. The reader takes the first visible
 * sheet, so the notes never get in its way. Server-only: exceljs.
 */
import ExcelJS from "exceljs";

export type SpreadsheetTemplate = {
  sheetName: string;
  columns: readonly { header: string; width: number }[];
  examples: readonly (readonly string[])[];
  notes: readonly string[];
};

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function writeSpreadsheetTemplate(template: SpreadsheetTemplate): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "年报";
  const sheet = workbook.addWorksheet(template.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = template.columns.map((column) => ({
    header: column.header,
    width: column.width,
    style: { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const example of template.examples) sheet.addRow([...example]);
  const notes = workbook.addWorksheet("填写说明");
  notes.columns = [{ header: "填写说明", width: 100 }];
  notes.getRow(1).font = { bold: true };
  for (const note of template.notes) notes.addRow([note]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * A template written and answered as a download: `fileName` for browsers that read the UTF-8
 * name, `asciiName` for the others. Never cached: the notes change with the code.
 */
export async function spreadsheetTemplateDownload(
  template: SpreadsheetTemplate,
  fileName: string,
  asciiName: string,
): Promise<Response> {
  return new Response(Buffer.from(await writeSpreadsheetTemplate(template)), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
