// A .csv file → one sheet of cell texts, as a responsibility table saved from Excel or WPS reads:
// UTF-8 (with or without a BOM) or GB18030, commas or tabs, quoted cells with commas, quotes and
// line breaks inside.
import type { LedgerSheet } from './ledger-header.js';

/** The text of a CSV file: UTF-8, else GB18030; undefined when it is neither. */
function decodeCsv(bytes: Uint8Array): string | undefined {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      // try the next encoding
    }
  }
  return undefined;
}

/** RFC 4180 rows; the delimiter is a tab when the first line has tabs and no commas. */
function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  // our own CSV export writes a leading ' before text that could start a formula
  return rows.map((r) => r.map((c) => c.replace(/^'(?=[=+\-@])/, '')));
}

/** The bytes of a CSV file as a sheet named after the file; undefined when it is not text. */
export function readCsvSheet(bytes: Uint8Array, name: string): LedgerSheet | undefined {
  const text = decodeCsv(bytes);
  return text === undefined ? undefined : { name: name.replace(/\.csv$/i, ''), rows: parseCsv(text), merges: [] };
}
