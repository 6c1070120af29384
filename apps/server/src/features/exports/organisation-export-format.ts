import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import parserStream from 'stream-json';
import { migrationNames } from '../../db/migrate.js';
import { BackupError, type BackupEvent, type BackupSource } from '../operations/backup-format.js';

/**
 * The organisation export: one JSON document, written and read as a stream.
 *   {"format":"rapport-export","formatVersion":1,"schema":"<latest migration>","exportedAt":"…","dialect":"sqlite",
 *    "tables":{"users":{"columns":["id",…],"rows":[["0190…",…],…]},…},
 *    "counts":{"users":12,…},"sha256":"…"}
 * Values are as the backup holds them (ISO text, 0/1, JSON text, numbers), the same from both dialects.
 * `sha256` is the digest of the header fields, each table's name and columns and each row, serialised as
 * `JSON.stringify` writes them, one per line — so any change to the data, or a cut, is found before writing.
 */
export const EXPORT_FORMAT = 'rapport-export';
export const EXPORT_FORMAT_VERSION = 1;

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  schema: string;
  exportedAt: string;
  dialect: string;
}

const headerLine = (h: ExportHeader) =>
  `${JSON.stringify([h.format, h.formatVersion, h.schema, h.exportedAt, h.dialect])}\n`;
const tableLine = (table: string, columns: string[]) => `${JSON.stringify([table, columns])}\n`;

/** Turns backup events (from `dumpDatabase`) into the document's text, handed out in chunks of about 64 KB. */
export function createExportWriter(write: (text: string) => Promise<void>) {
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  let table: string | null = null;
  let firstRow = true;
  let pending: string[] = [];
  let size = 0;
  const out = async (text: string) => {
    pending.push(text);
    size += text.length;
    if (size >= 65_536) await flush();
  };
  const flush = async () => {
    if (pending.length === 0) return;
    const chunk = pending.join('');
    pending = [];
    size = 0;
    await write(chunk);
  };
  return async (event: BackupEvent) => {
    if (event.kind === 'header') {
      const migrations = event.header.migrations;
      const header: ExportHeader = {
        format: EXPORT_FORMAT,
        formatVersion: EXPORT_FORMAT_VERSION,
        schema: migrations[migrations.length - 1] ?? '',
        exportedAt: new Date().toISOString(),
        dialect: event.header.dialect,
      };
      hash.update(headerLine(header));
      await out(`${JSON.stringify(header).slice(0, -1)},"tables":{`);
    } else if (event.kind === 'table') {
      const comma = table === null ? '' : ',';
      if (table !== null) await out(']}');
      table = event.table;
      counts[table] = 0;
      firstRow = true;
      hash.update(tableLine(event.table, event.columns));
      await out(
        `${comma}\n${JSON.stringify(event.table)}:{"columns":${JSON.stringify(event.columns)},"rows":[`,
      );
    } else if (event.kind === 'row') {
      if (table === null) throw new Error('a row before its table');
      const text = JSON.stringify(event.values);
      hash.update(`${text}\n`);
      counts[table] = (counts[table] ?? 0) + 1;
      await out(`${firstRow ? '' : ','}\n${text}`);
      firstRow = false;
    } else {
      if (table !== null) await out(']}');
      await out(`\n},"counts":${JSON.stringify(counts)},"sha256":"${hash.digest('hex')}"}\n`);
      await flush();
    }
  };
}

const damaged = (detail: string) =>
  new BackupError(`The export file is damaged or incomplete (${detail}); nothing was imported.`);
const notAnExport = () =>
  new BackupError('This is not a Rapport export (it does not start with a Rapport export header).');

interface Token {
  name: string;
  value?: string;
}

class ConsumerError extends Error {
  constructor(override readonly cause: unknown) {
    super('consumer failed');
  }
}

/** A small JSON value (a header field, the columns, one row, the counts) assembled from its tokens. */
async function assemble(first: Token, next: () => Promise<Token>, depth = 0): Promise<unknown> {
  if (depth > 3) throw damaged('values nest too deeply');
  switch (first.name) {
    case 'stringValue':
      return first.value ?? '';
    case 'numberValue':
      return Number(first.value);
    case 'nullValue':
      return null;
    case 'trueValue':
      return true;
    case 'falseValue':
      return false;
    case 'startArray': {
      const items: unknown[] = [];
      for (let token = await next(); token.name !== 'endArray'; token = await next())
        items.push(await assemble(token, next, depth + 1));
      return items;
    }
    case 'startObject': {
      const object: Record<string, unknown> = {};
      for (let token = await next(); token.name !== 'endObject'; token = await next())
        object[token.value ?? ''] = await assemble(await next(), next, depth + 1);
      return object;
    }
    default:
      throw damaged(`unexpected ${first.name}`);
  }
}

/** The migrations up to the export's schema, as the restore machinery wants them; a newer schema is refused. */
export function migrationsUpTo(schema: string): string[] {
  const known = migrationNames();
  const index = known.indexOf(schema);
  if (index < 0)
    throw new BackupError(
      `This export was made by a newer version of Rapport (its schema is ${schema}; this version knows up to ` +
        `${known[known.length - 1]}). Upgrade Rapport, then import.`,
    );
  return known.slice(0, index + 1);
}

function checkHeader(fields: Record<string, unknown>): ExportHeader {
  if (fields.format !== EXPORT_FORMAT) throw notAnExport();
  if (typeof fields.formatVersion !== 'number' || fields.formatVersion > EXPORT_FORMAT_VERSION)
    throw new BackupError(
      `This export was made by a newer version of Rapport (export format ${String(fields.formatVersion)}; ` +
        `this version reads format ${EXPORT_FORMAT_VERSION}). Upgrade Rapport, then import.`,
    );
  if (typeof fields.schema !== 'string' || typeof fields.exportedAt !== 'string')
    throw damaged('its header has no schema or export time');
  return {
    format: EXPORT_FORMAT,
    formatVersion: fields.formatVersion,
    schema: fields.schema,
    exportedAt: fields.exportedAt,
    dialect: String(fields.dialect ?? ''),
  };
}

const isPlain = (value: unknown) =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * Reads an export file as backup events for `restoreDatabase`, checking as it goes; the last checks (counts,
 * digest) come at the end, so a consumer that writes must do so in a transaction it rolls back when this throws
 * (the restore reads the whole file once before writing anything).
 */
export function exportFileSource(file: string, progress: (line: string) => void = () => {}): BackupSource {
  return async (consumer) => {
    const emit = async (event: BackupEvent) => {
      try {
        await consumer(event);
      } catch (error) {
        throw new ConsumerError(error);
      }
    };
    if (!fs.existsSync(file)) throw new BackupError(`No export file at ${file}`);
    const input = fs.createReadStream(file);
    const tokens = input.pipe(
      parserStream({ packValues: true, streamValues: false }),
    ) as AsyncIterable<Token> & NodeJS.ReadableStream;
    input.on('error', (error) => (tokens as unknown as { destroy(e: Error): void }).destroy(error));
    const iterator = tokens[Symbol.asyncIterator]();
    let started = false;
    const next = async (): Promise<Token> => {
      const step = await iterator.next();
      if (step.done)
        throw started
          ? damaged('it ends early — was it cut short?')
          : new BackupError('The export file is empty.');
      started = true;
      return step.value;
    };
    const hash: Hash = createHash('sha256');
    const counts: Record<string, number> = {};
    const fields: Record<string, unknown> = {};
    let header: ExportHeader | null = null;

    const readTable = async (name: string) => {
      if (name in counts) throw damaged(`table ${name} appears twice`);
      if ((await next()).name !== 'startObject') throw damaged(`table ${name} is not an object`);
      let columns: string[] | null = null;
      counts[name] = 0;
      for (let key = await next(); key.name !== 'endObject'; key = await next()) {
        if (key.value === 'columns') {
          const value = await assemble(await next(), next);
          if (!Array.isArray(value) || value.length === 0 || !value.every((c) => typeof c === 'string'))
            throw damaged(`the columns of ${name} are not a list of names`);
          columns = value as string[];
          hash.update(tableLine(name, columns));
          await emit({ kind: 'table', table: name, columns });
        } else if (key.value === 'rows') {
          if (!columns) throw damaged(`the rows of ${name} come before its columns`);
          if ((await next()).name !== 'startArray') throw damaged(`the rows of ${name} are not a list`);
          for (let token = await next(); token.name !== 'endArray'; token = await next()) {
            const row = await assemble(token, next);
            if (!Array.isArray(row) || !row.every(isPlain))
              throw damaged(`row ${counts[name] + 1} of ${name} is not a list of values`);
            if (row.length !== columns.length)
              throw damaged(
                `row ${counts[name] + 1} of ${name} has ${row.length} values for ${columns.length} columns`,
              );
            hash.update(`${JSON.stringify(row)}\n`);
            counts[name] += 1;
            await emit({ kind: 'row', values: row });
          }
        } else throw damaged(`table ${name} has an unknown member ${key.value}`);
      }
      if (!columns) throw damaged(`table ${name} has no columns`);
      progress(`read ${name}: ${counts[name]} rows`);
    };

    try {
      let first: Token;
      try {
        first = await next();
      } catch (error) {
        if (error instanceof BackupError) throw error;
        throw notAnExport();
      }
      if (first.name !== 'startObject') throw notAnExport();
      for (let key = await next(); key.name !== 'endObject'; key = await next()) {
        const name = key.value ?? '';
        if (name === 'tables') {
          if (header) throw damaged('it has two lists of tables');
          header = checkHeader(fields);
          hash.update(headerLine(header));
          await emit({
            kind: 'header',
            header: {
              format: 'rapport-backup',
              formatVersion: 1,
              migrations: migrationsUpTo(header.schema),
              createdAt: header.exportedAt,
              dialect: header.dialect === 'postgres' ? 'postgres' : 'sqlite',
            },
          });
          if ((await next()).name !== 'startObject') throw damaged('its tables are not an object');
          for (let table = await next(); table.name !== 'endObject'; table = await next())
            await readTable(table.value ?? '');
        } else {
          if (name in fields) throw damaged(`${name} appears twice`);
          fields[name] = await assemble(await next(), next);
          if (!header && name === 'format' && fields.format !== EXPORT_FORMAT) throw notAnExport();
        }
      }
      const rest = await iterator.next();
      if (!rest.done) throw damaged('there is data after its end');
    } catch (error) {
      if (error instanceof ConsumerError) throw error.cause;
      if (error instanceof BackupError) throw error;
      throw started ? damaged(`it is not valid JSON: ${(error as Error).message}`) : notAnExport();
    } finally {
      input.destroy();
    }
    if (!header) throw started ? damaged('it has no tables') : notAnExport();
    const expected = fields.counts as Record<string, unknown> | undefined;
    if (!expected || typeof expected !== 'object' || typeof fields.sha256 !== 'string')
      throw damaged('it ends without its counts and checksum');
    for (const [name, rows] of Object.entries(expected)) {
      if (counts[name] !== rows)
        throw damaged(`table ${name} should have ${String(rows)} rows but has ${counts[name] ?? 0}`);
    }
    if (Object.keys(expected).length !== Object.keys(counts).length)
      throw damaged('its tables do not match its counts');
    if (hash.digest('hex') !== fields.sha256)
      throw damaged('its checksum does not match: it was changed or corrupted');
    await consumer({ kind: 'end', tables: counts });
  };
}
