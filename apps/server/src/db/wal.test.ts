import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects } from '../../test/databases.js';
import { openDatabase } from './database.js';
import { checkpointWal, sqliteFileSizes, startWalCheckpoints, WAL_SIZE_LIMIT_BYTES } from './wal.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-wal-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let files = 0;

// biome-ignore lint/suspicious/noExplicitAny: a table of the test's own, not in the app's schema
type AnyDb = Kysely<any>;

/** A SQLite database with a table of large rows, so a write leaves megabytes in the WAL. */
async function sqliteWithTable() {
  const file = path.join(dir, `${++files}.db`);
  const database = openDatabase(`sqlite:${file}`);
  const db = database.db as unknown as AnyDb;
  await sql`create table filler (id integer primary key, text text not null)`.execute(db);
  return { file, database, db };
}

/** About 8 MB in one transaction: under the 16 MB limit, so only a checkpoint that truncates empties it. */
async function largeWrite(db: AnyDb, from = 0) {
  const text = 'x'.repeat(4000);
  await db.transaction().execute(async (trx) => {
    for (let i = from; i < from + 2000; i += 1)
      await trx.insertInto('filler').values({ id: i, text }).execute();
  });
}

describe('the SQLite write-ahead log', () => {
  it('is cut back to journal_size_limit, and checkpointed and emptied after a large write', async () => {
    const { file, database, db } = await sqliteWithTable();
    try {
      const { rows } = await sql<{ journal_size_limit: number }>`pragma journal_size_limit`.execute(db);
      expect(rows[0]?.journal_size_limit).toBe(WAL_SIZE_LIMIT_BYTES);
      await largeWrite(db);
      expect(sqliteFileSizes(file).wal).toBeGreaterThan(4 * 1024 * 1024);
      const result = await checkpointWal(db);
      expect(result).toMatchObject({ busy: 0 });
      expect(sqliteFileSizes(file).wal).toBe(0);
      expect(sqliteFileSizes(file).file).toBeGreaterThan(7 * 1024 * 1024);
      const counted = await db
        .selectFrom('filler')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      expect(Number(counted?.n)).toBe(2000);
    } finally {
      await database.close();
    }
  });

  it('is emptied when a command closes the database while the server keeps it open', async () => {
    const { file, database: server } = await sqliteWithTable();
    const command = openDatabase(`sqlite:${file}`);
    try {
      await largeWrite(command.db as unknown as AnyDb);
      expect(sqliteFileSizes(file).wal).toBeGreaterThan(4 * 1024 * 1024);
      await command.close();
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
      expect(sqliteFileSizes(file).wal).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('gives up on emptying it while another process reads, without holding writers back for long', async () => {
    const { file, database, db } = await sqliteWithTable();
    const reader = openDatabase(`sqlite:${file}`);
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reading = () => {};
    const started = new Promise<void>((resolve) => {
      reading = resolve;
    });
    try {
      await largeWrite(db);
      // A read transaction (deferred): a writing one would take the write lock and keep the writer below out.
      const readerDone = reader.db
        .transaction()
        .setAccessMode('read only')
        .execute(async (trx) => {
          await sql`select count(*) from filler`.execute(trx);
          reading();
          await released;
        });
      await started;
      await largeWrite(db, 5000);
      const before = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db);
      const result = await checkpointWal(db);
      expect(result?.busy).toBe(1);
      expect(sqliteFileSizes(file).wal).toBeGreaterThan(0);
      // The connection's own patience for locks is as it was.
      const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db);
      expect(rows[0]?.timeout).toBe(before.rows[0]?.timeout);
      release();
      await readerDone;
      expect((await checkpointWal(db))?.busy).toBe(0);
      expect(sqliteFileSizes(file).wal).toBe(0);
    } finally {
      release();
      await reader.close();
      await database.close();
    }
  });

  it('is emptied by the running server’s periodic checkpoint after someone else wrote', async () => {
    const { file, database: server, db } = await sqliteWithTable();
    const other = openDatabase(`sqlite:${file}`);
    const errors: unknown[] = [];
    const checkpoints = startWalCheckpoints(db, (error) => errors.push(error), 50);
    try {
      // Another process's write, not yet checkpointed: the other connection stays open.
      await largeWrite(other.db as unknown as AnyDb, 10_000);
      await expect.poll(() => sqliteFileSizes(file).wal, { timeout: 20_000, interval: 50 }).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await checkpoints.stop();
      await other.close();
      await server.close();
    }
  });
});

describe.each(dialects)('checkpointing on %s', (dialect) => {
  it('runs on SQLite and leaves PostgreSQL, which manages its own WAL, alone', async () => {
    const test = await createTestDatabase(dialect);
    try {
      const result = await checkpointWal(test.database.db);
      if (dialect === 'sqlite') expect(result).toMatchObject({ busy: 0 });
      else expect(result).toBeNull();
    } finally {
      await test.drop();
    }
  });
});
