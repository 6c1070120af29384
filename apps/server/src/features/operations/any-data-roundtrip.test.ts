import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/database.js';
import { backupDatabase } from './backup.js';
import { readCatalog } from './catalog.js';
import { restoreDatabase, sourceOf } from './restore.js';

/** Texts that break naive encoders, escapers, collations and JSON handling (U+0000 is refused at the door). */
const HOSTILE = {
  emoji: 'Family 👩‍👩‍👧‍👦 flag 🏳️‍🌈 skin 👍🏽 keycap 1️⃣',
  astral: '𠜎𠜱𠝹𠱓 𝌆 𝕽𝖆𝖕𝖕𝖔𝖗𝖙 🀄',
  rightToLeft: 'مرحبا بالعالم \u200Fשלום עולם\u200E (RTL) \u202Eoverride\u202C',
  zeroWidth: 'a\u200Bb\u200Cc\u200Dd\uFEFFe\u2060f',
  cjk: '关系管理 株式会社 한국어 中國語 ｶﾀｶﾅ',
  combining: 'e\u0301 é Å Å ﬁ', // decomposed and precomposed: never normalised
  quotes: `'single' "double" \`back\` “curly” ‘curly’ «guillemets» ''''`,
  backslashes: 'C:\\path\\to\\file \\n \\t \\u0041 \\\\ \\" \\x00 %_%',
  jsonLooking: '{"a":1,"b":[null,true,"x"],"c":{"d":"\\u0000"}}',
  jsonScalars: 'null',
  sqlLooking: "'); drop table users; -- ' or 1=1 /* */",
  whitespace: 'line one\r\nline two\n\ttabbed\u00A0nbsp\u2028ls\u2029ps\u0085nel\u000B\u000C',
  controls: 'bell\u0007 escape\u001B[31m red \u007F del',
  markup: '<script>alert(1)</script> &amp; &lt; <b>bold</b> ![x](javascript:alert(1))',
};
const LABELS = Object.keys(HOSTILE) as (keyof typeof HOSTILE)[];
const values = Object.values(HOSTILE);

/** About 100,000 characters of every kind above, the longest text the API takes. */
const longText = (() => {
  const block = `${values.join(' ¶ ')}\n`;
  let text = '';
  while (text.length + block.length <= 99_000) text += block;
  return text;
})();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-any-data-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function snapshot(database: Database): Promise<Record<string, string[]>> {
  const tables = await readCatalog(database.db, database.dialect, database.schema);
  const result: Record<string, string[]> = {};
  for (const table of tables) {
    // biome-ignore lint/suspicious/noExplicitAny: every table the catalog lists
    const rows = await (database.db as Kysely<any>).selectFrom(table.name).selectAll().execute();
    result[table.name] = rows
      .map((row) =>
        JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1)))),
      )
      .sort();
  }
  return result;
}

/** Records of many kinds, every text field holding hostile text; answers the URL of each with its JSON. */
async function createThroughTheApi(h: Harness): Promise<Map<string, unknown>> {
  const made = new Map<string, unknown>();
  const post = async (url: string, payload: object) => {
    const response = await h.admin.request({ method: 'POST', url: `/api/v1/${url}`, payload });
    expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(201);
    const record = response.json();
    made.set(`/api/v1/${url}/${record.id}`, record);
    return record;
  };
  const stakeholders = [];
  for (const [i, label] of LABELS.entries()) {
    const text = HOSTILE[label];
    stakeholders.push(
      await post('stakeholders', {
        name: `${label} ${text}`.slice(0, 200),
        category: 'customer',
        influence: (i % 5) + 1,
        interest: ((i + 2) % 5) + 1,
        tags: [text.slice(0, 50), label],
        phones: [text.slice(0, 50)],
        emails: [`${label.toLowerCase()}@example.com`],
        notes: i === 0 ? longText : text,
      }),
    );
  }
  // Stored as sent: nothing is normalised, trimmed away or escaped on the way in.
  expect(stakeholders.map((s) => s.notes)).toEqual([longText, ...values.slice(1)]);
  const [first, second] = stakeholders;
  const linkPayload = { fromId: first.id, toId: second.id, type: 'influences', note: HOSTILE.quotes };
  const link = await post('stakeholder-links', linkPayload);
  // Links are read through the list, not by id.
  made.delete(`/api/v1/stakeholder-links/${link.id}`);
  made.set(`/api/v1/stakeholder-links?stakeholderId=${first.id}`, { data: [link] });
  await post('stakeholder-groups', { name: HOSTILE.cjk, description: longText });
  await post('org-units', { name: HOSTILE.rightToLeft.slice(0, 200), description: HOSTILE.jsonLooking });
  await post('principles', { title: HOSTILE.emoji, body: longText });
  await post('lessons', { title: HOSTILE.backslashes, body: HOSTILE.whitespace, tags: [HOSTILE.astral] });
  await post('improvements', {
    title: HOSTILE.sqlLooking,
    description: HOSTILE.markup,
    expectedBenefit: HOSTILE.combining,
  });
  await post('interactions', {
    stakeholderId: first.id,
    kind: 'meeting',
    occurredAt: '2026-11-30T09:30:00.000+08:00',
    summary: longText,
    participantStakeholderIds: [second.id],
    followUps: [{ text: HOSTILE.zeroWidth }, { text: HOSTILE.jsonScalars }, { text: HOSTILE.controls }],
  });
  return made;
}

describe('any data in, any database out', () => {
  const opened: TestDatabase[] = [];
  let source: Harness;
  let made: Map<string, unknown>;
  let original: Record<string, string[]>;
  let last: Database;
  beforeAll(async () => {
    source = await createHarness('sqlite', { RAPPORT_JOBS: 'off' });
    made = await createThroughTheApi(source);
    original = await snapshot(source.test.database);
    last = source.test.database;
  });
  afterAll(async () => {
    for (const test of opened) await test.drop().catch(() => {});
    await source?.close();
  });

  // SQLite → PostgreSQL → SQLite: each hop backs up the previous database and restores into a new one.
  const chain = dialects.includes('postgres') ? (['postgres', 'sqlite'] as const) : (['sqlite'] as const);

  it.each(chain)(
    'restores a backup of the previous database into %s with identical rows',
    async (dialect) => {
      expect(original.stakeholders).toHaveLength(LABELS.length);
      const file = path.join(dir, `${opened.length + 1}-${last.dialect}.jsonl.gz`);
      await backupDatabase(last, file);
      const target = await createTestDatabase(dialect);
      opened.push(target);
      await restoreDatabase(target.database, sourceOf(file));
      expect(await snapshot(target.database)).toEqual(original);
      last = target.database;
    },
  );

  it('serves every record from the last database exactly as the first answered when it was created', async () => {
    expect(last).not.toBe(source.test.database);
    const app = await buildApp(
      loadConfig({ LOG_LEVEL: 'silent', RAPPORT_WEB_DIST: '/nonexistent', RAPPORT_JOBS: 'off' }),
      last,
    );
    try {
      for (const [url, record] of made) {
        const response = await app.inject({
          method: 'GET',
          url,
          headers: { cookie: source.admin.cookie, origin: 'http://localhost:80', host: 'localhost:80' },
        });
        expect(response.statusCode, url).toBe(200);
        expect(response.json(), url).toMatchObject(record as object);
      }
    } finally {
      await app.close();
    }
  });
});
