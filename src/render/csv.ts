// CSV as Excel on a Chinese Windows reads it: RFC 4180 quoting, CRLF, and cells that could start
// a formula neutralised with a leading apostrophe (OWASP), while real numbers stay numbers.

export type CsvValue = string | number | undefined | null;

const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/;

function csvCell(value: CsvValue): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly CsvValue[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const UTF8_BOM = '\uFEFF';
