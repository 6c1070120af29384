import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import type { Dialect } from '../../db/database.js';

/**
 * The portable backup: gzip'd JSON lines, the same whichever database wrote it or reads it.
 *   {"format":"rapport-backup","formatVersion":1,"migrations":[…],"createdAt":"…","dialect":"sqlite"}
 *   {"table":"users","columns":["id","email",…]}
 *   ["0190…","ada@example.com",…]            one array per row, in the order of `columns`
 *   …
 *   {"end":true,"tables":{"users":12,…},"sha256":"…"}   the digest of every byte before this line
 */
export const BACKUP_FORMAT = 'rapport-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  migrations: string[];
  createdAt: string;
  dialect: Dialect;
}

export type BackupEvent =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; table: string; columns: string[] }
  | { kind: 'row'; values: unknown[] }
  | { kind: 'end'; tables: Record<string, number> };

/** Something that plays a backup's events in order (a file, or a SQLite database file), once per call. */
export type BackupSource = (emit: (event: BackupEvent) => Promise<void> | void) => Promise<void>;

/** A backup Rapport refuses to read or write, with a message for the operator. */
export class BackupError extends Error {}

export interface BackupWriter {
  write(event: BackupEvent): Promise<void>;
  /** Writes the closing line, then renames the finished file into place. */
  finish(): Promise<void>;
  /** Removes the partial file. */
  abort(): Promise<void>;
}

/** Writes to `FILE.partial` and renames at the end, so an interrupted backup never looks like a finished one. */
export function createBackupWriter(file: string): BackupWriter {
  const partial = `${file}.partial`;
  // Opened here, at once: a file that cannot be written fails the backup before the first row is read.
  const descriptor = fs.openSync(partial, 'w');
  const gzip = zlib.createGzip();
  const done = pipeline(gzip, fs.createWriteStream(partial, { fd: descriptor }));
  done.catch(() => {});
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  let table: string | null = null;

  // Lines are gathered into chunks of about 64 KB: one stream write per line costs more than the compression.
  let pending: string[] = [];
  let pendingBytes = 0;
  async function flush() {
    if (pending.length === 0) return;
    const chunk = pending.join('');
    pending = [];
    pendingBytes = 0;
    hash.update(chunk);
    // A write that fails later (a full disk) ends the pipeline: wait for it too, or 'drain' would never come.
    if (!gzip.write(chunk)) await Promise.race([once(gzip, 'drain'), done]);
  }
  async function line(value: unknown) {
    const text = `${JSON.stringify(value)}\n`;
    pending.push(text);
    pendingBytes += text.length;
    if (pendingBytes >= 65_536) await flush();
  }

  return {
    async write(event) {
      if (event.kind === 'header') await line(event.header);
      else if (event.kind === 'table') {
        table = event.table;
        counts[table] = 0;
        await line({ table: event.table, columns: event.columns });
      } else if (event.kind === 'row') {
        if (table === null) throw new Error('a row before its table');
        counts[table] = (counts[table] ?? 0) + 1;
        await line(event.values);
      }
    },
    async finish() {
      await flush();
      gzip.end(`${JSON.stringify({ end: true, tables: counts, sha256: hash.digest('hex') })}\n`);
      await done;
      fs.renameSync(partial, file);
    },
    async abort() {
      gzip.destroy();
      await done.catch(() => {});
      fs.rmSync(partial, { force: true });
    },
  };
}

class ConsumerError extends Error {
  constructor(override readonly cause: unknown) {
    super('consumer failed');
  }
}

const damaged = (detail: string) =>
  new BackupError(`The backup file is damaged or incomplete (${detail}); nothing was restored.`);

/**
 * Reads a backup file, checking as it goes; the last checks (closing line, row counts, digest) come at the end,
 * so a consumer that writes must do so in a transaction it rolls back when this throws.
 */
export function backupFileSource(file: string): BackupSource {
  return async (consumer) => {
    // The consumer's own failures pass through unchanged; only the file's are reported as damage.
    const emit = async (event: BackupEvent) => {
      try {
        await consumer(event);
      } catch (error) {
        throw new ConsumerError(error);
      }
    };
    if (!fs.existsSync(file)) throw new BackupError(`No backup file at ${file}`);
    const input = fs.createReadStream(file);
    const gunzip = zlib.createGunzip();
    input.on('error', (error) => gunzip.destroy(error));
    input.pipe(gunzip);

    const hash = createHash('sha256');
    const decoder = new StringDecoder('utf8');
    const counts: Record<string, number> = {};
    let lineNumber = 0;
    let header: BackupHeader | null = null;
    let columns: string[] | null = null;
    let table: string | null = null;
    let trailer: { tables: Record<string, number>; sha256: string } | null = null;
    let rest = '';

    async function handle(text: string) {
      lineNumber += 1;
      if (trailer) throw damaged(`data after the closing line, at line ${lineNumber}`);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw lineNumber === 1
          ? new BackupError('This is not a Rapport backup (its first line is not a Rapport backup header).')
          : damaged(`line ${lineNumber} is not valid JSON`);
      }
      if (lineNumber === 1) {
        header = headerOf(value);
        hash.update(`${text}\n`);
        await emit({ kind: 'header', header });
        return;
      }
      if (Array.isArray(value)) {
        if (!table || !columns) throw damaged(`a row before any table, at line ${lineNumber}`);
        if (value.length !== columns.length)
          throw damaged(`line ${lineNumber} has ${value.length} values for ${columns.length} columns`);
        counts[table] = (counts[table] ?? 0) + 1;
        hash.update(`${text}\n`);
        await emit({ kind: 'row', values: value });
        return;
      }
      const record = (value ?? {}) as Record<string, unknown>;
      if (typeof record.table === 'string' && Array.isArray(record.columns)) {
        if (record.table in counts) throw damaged(`table ${record.table} appears twice`);
        table = record.table;
        columns = record.columns.map(String);
        counts[table] = 0;
        hash.update(`${text}\n`);
        await emit({ kind: 'table', table, columns });
        return;
      }
      if (record.end === true && typeof record.sha256 === 'string' && record.tables) {
        trailer = { tables: record.tables as Record<string, number>, sha256: record.sha256 };
        return;
      }
      throw damaged(`line ${lineNumber} is neither a table, a row nor the closing line`);
    }

    try {
      for await (const chunk of gunzip) {
        rest += decoder.write(chunk as Buffer);
        let newline = rest.indexOf('\n');
        while (newline >= 0) {
          const text = rest.slice(0, newline);
          rest = rest.slice(newline + 1);
          await handle(text);
          newline = rest.indexOf('\n');
        }
      }
      rest += decoder.end();
    } catch (error) {
      if (error instanceof ConsumerError) throw error.cause;
      if (error instanceof BackupError) throw error;
      if (lineNumber === 0)
        throw new BackupError(
          `This is not a Rapport backup (not a gzip'd file: ${(error as Error).message}).`,
        );
      throw damaged(`the file ends early or is corrupt: ${(error as Error).message}`);
    } finally {
      input.destroy();
    }
    if (rest !== '') throw damaged('the last line is cut off');
    if (lineNumber === 0) throw new BackupError('The backup file is empty.');
    const end = trailer as { tables: Record<string, number>; sha256: string } | null;
    if (!end) throw damaged('it ends before its closing line — was it cut short?');
    const expected = Object.entries(end.tables);
    const read = Object.entries(counts);
    for (const [name, rows] of expected) {
      if (counts[name] !== rows)
        throw damaged(`table ${name} should have ${rows} rows but has ${counts[name] ?? 0}`);
    }
    if (read.length !== expected.length) throw damaged('its tables do not match its closing line');
    if (hash.digest('hex') !== end.sha256)
      throw damaged('its checksum does not match: it was changed or corrupted');
    await consumer({ kind: 'end', tables: counts });
  };
}

function headerOf(value: unknown): BackupHeader {
  const header = (value ?? {}) as Partial<BackupHeader>;
  if (header.format !== BACKUP_FORMAT)
    throw new BackupError('This is not a Rapport backup (its first line is not a Rapport backup header).');
  if (typeof header.formatVersion !== 'number' || header.formatVersion > BACKUP_FORMAT_VERSION)
    throw new BackupError(
      `This backup was made by a newer version of Rapport (backup format ${String(header.formatVersion)}; ` +
        `this version reads format ${BACKUP_FORMAT_VERSION}). Upgrade Rapport, then restore.`,
    );
  if (!Array.isArray(header.migrations) || header.migrations.length === 0)
    throw damaged('its header names no migrations');
  return header as BackupHeader;
}
