/**
 * CSV as RFC 4180 writes it (every cell quoted, quotes doubled, CRLF between records), safe to open
 * in a spreadsheet: a cell that starts like a formula (= + - @, a tab or a carriage return) gets a
 * leading apostrophe, so Excel or LibreOffice show it as text instead of running it (OWASP "CSV
 * injection"). Titles come from people and from professionals' software: never trusted.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  const neutralised = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${neutralised.replace(/"/g, '""')}"`;
}

export function csvRecord(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** A byte-order mark first, so that Excel reads the file as UTF-8 and shows the accents. */
export const UTF8_BOM = "\uFEFF";
