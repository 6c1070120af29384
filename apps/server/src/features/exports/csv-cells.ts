import Papa from 'papaparse';

export type Cell = string | number;

/**
 * One CSV cell from an API value: numbers stay numbers (so -2 is not taken for a formula), lists of plain
 * values are joined with "; ", anything nested is JSON text, nothing is an empty cell.
 */
export function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object'))
    return value.map((item) => String(item ?? '')).join('; ');
  return JSON.stringify(value);
}

const ACRONYMS: Record<string, string> = {
  id: 'ID',
  ids: 'IDs',
  url: 'URL',
  csat: 'CSAT',
  nps: 'NPS',
  ref: 'reference',
};

/** `stakeholderIds` → "Stakeholder IDs": the API's field names as column titles people read. */
export function titleOf(field: string): string {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(' ')
    .map((word) => ACRONYMS[word.toLowerCase()] ?? word.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Rows as CSV text ending in CRLF. papaparse's `escapeFormulae` (as the stakeholder export uses it) prefixes a
 * text cell starting with = + - @ (or a tab or carriage return) with ', so a spreadsheet never runs it.
 */
export function csvLines(rows: Cell[][]): string {
  if (rows.length === 0) return '';
  return `${Papa.unparse(rows, { escapeFormulae: true, newline: '\r\n' })}\r\n`;
}
