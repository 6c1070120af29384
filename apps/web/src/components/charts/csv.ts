export type CsvCell = string | number | null;

/**
 * One CSV field: quoted when needed; a leading = + - @ (or tab, carriage return) is prefixed so spreadsheets do not
 * run it as a formula. The charts' data exports share it.
 */
function csvField(value: CsvCell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const toCsv = (rows: CsvCell[][]) =>
  `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
