import type { RowError } from './import.api';

function cell(value: string | number): string {
  const text = String(value);
  // Quote when needed, and defuse spreadsheet formulas in text that came from the uploaded file.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The row errors as CSV (with a BOM so spreadsheet programs read it as UTF-8). */
export function errorsCsv(
  errors: readonly RowError[],
  headers: { row: string; field: string; message: string },
): string {
  const lines = [
    [headers.row, headers.field, headers.message],
    ...errors.map((e) => [e.row, e.field, e.message]),
  ];
  return `\uFEFF${lines.map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`;
}
