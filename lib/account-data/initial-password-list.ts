// The list of initial passwords of a bulk import, as a CSV file for the administrator to
// download once (the passwords are not stored; see lib/accounts/import-accounts.ts). Built in
// the browser from the import's answer. Universal: no I/O.
import Papa from "papaparse";

export type InitialPasswordRow = {
  username: string;
  name: string;
  unitName: string;
  roleLabel: string;
  initialPassword: string;
};

/**
 * UTF-8 with a byte-order mark, so Excel and WPS open the Chinese text correctly. Cells a
 * spreadsheet would run as a formula (=, +, -, @ …) are quoted as text.
 */
export function initialPasswordListCsv(rows: readonly InitialPasswordRow[]): string {
  const csv = Papa.unparse(
    {
      fields: ["用户名", "姓名", "单位", "角色", "初始密码"],
      data: rows.map((row) => [row.username, row.name, row.unitName, row.roleLabel, row.initialPassword]),
    },
    { escapeFormulae: true, newline: "\r\n" },
  );
  return `\uFEFF${csv}\r\n`;
}
