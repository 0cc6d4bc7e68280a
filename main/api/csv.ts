/**
 * CSV text for files an investigator opens in a spreadsheet, shared by both shells and the renderer
 * (pure, no Node). A cell that starts like a formula (=, +, -, @, tab, carriage return) is prefixed
 * with an apostrophe so Excel or WPS never runs it: graph data comes from the team's database and
 * a crafted label must not become a formula on the reviewer's machine (OWASP "CSV injection").
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, quoted when it must be and defused when it could be read as a formula. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows (the first is the header) as CSV with CRLF line ends, as RFC 4180 writes them. */
export function csvText(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
