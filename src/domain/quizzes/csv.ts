// CSV export (RFC 4180): fields with a comma, quote, CR or LF are quoted, quotes doubled, lines end
// in CRLF. Spreadsheets run cells that start with = + - @ (or a tab or CR) as formulas, so such
// cells get a leading apostrophe (OWASP "CSV injection"): a candidate's name cannot run anything.

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  // Numbers are ours, never a candidate's text: a negative number stays a number.
  let text = typeof value === "string" ? value : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}
