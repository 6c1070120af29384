import Papa from 'papaparse';
import { AppError } from '../../errors.js';

export interface CsvTable {
  encoding: 'utf-8' | 'gb18030';
  delimiter: string;
  headers: string[];
  /** Data rows (header excluded), each as many cells as it had. */
  rows: string[][];
}

const bad = (detail: string) => new AppError('rule_broken', detail, [{ path: 'file', message: detail }]);

/**
 * Decodes a CSV upload the way spreadsheets write them: UTF-8 with or without BOM, else GB18030 (Chinese
 * Excel); separator `,` `;` or tab. Refuses what is not a table of text with one clear message.
 */
export function readCsv(bytes: Buffer): CsvTable {
  if (bytes.length === 0) throw bad('The file is empty.');
  if (bytes.subarray(0, 8192).includes(0)) throw bad('This is not a CSV file: it contains binary data.');

  let encoding: CsvTable['encoding'] = 'utf-8';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    encoding = 'gb18030';
    text = new TextDecoder('gb18030').decode(bytes);
  }
  if (text.trim() === '') throw bad('The file is empty.');

  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: 'greedy',
  });
  const quoteErrors = parsed.errors.filter((error) => error.type === 'Quotes');
  if (quoteErrors.length > 0) {
    const rows = quoteErrors.slice(0, 5).map((error) => (error.row ?? 0) + 1);
    throw bad(`A quoted cell is never closed (near line ${rows.join(', ')}). Check the quotes in the file.`);
  }
  const [header, ...rows] = parsed.data;
  if (!header || header.every((cell) => cell.trim() === '')) throw bad('The file has no header row.');
  const headers = header.map((cell) => cell.trim());
  if (rows.length === 0) throw bad('The file has a header row but no data rows.');
  const seen = new Set<string>();
  for (const name of headers) {
    if (name && seen.has(name)) throw bad(`The column "${name}" appears twice in the header.`);
    seen.add(name);
  }
  return { encoding, delimiter: parsed.meta.delimiter, headers, rows };
}
