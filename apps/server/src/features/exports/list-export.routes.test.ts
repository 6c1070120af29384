import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';
import { titleOf } from './csv-cells.js';
import { EXPORT_PAGE } from './list-export.service.js';

const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

describe.each(dialects)('list exports as CSV on %s', (dialect) => {
  let h: Harness;
  let agent: Session;
  let contributor: Session;
  let stakeholderId: string;

  beforeAll(async () => {
    h = await createHarness(dialect, { RAPPORT_JOBS: 'off' });
    agent = await h.userWith('relationship_agent');
    contributor = await h.userWith('contributor');
    stakeholderId = (await h.admin.createStakeholder({ name: 'Acme 公司' })).id;
    for (const [title, status] of [
      ['=HYPERLINK("http://evil.example","x")', 'proposed'],
      ['+1 more coffee', 'proposed'],
      ['-2 meetings a week', 'approved'],
      ['@SUM(A1:A2)', 'proposed'],
      ['Plain, with "quotes" and 中文', 'done'],
    ]) {
      const created = await h.admin.request({
        method: 'POST',
        url: '/api/v1/improvements',
        payload: { title, status, description: 'line one\nline two' },
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    for (const [confidential, summary, sentiment] of [
      [true, 'Secret pricing talk', -2],
      [false, 'Open lunch', 1],
    ] as const) {
      const logged = await h.admin.request({
        method: 'POST',
        url: '/api/v1/interactions',
        payload: {
          stakeholderId,
          kind: 'meeting',
          occurredAt: '2026-11-20T10:00:00Z',
          confidential,
          summary,
          sentiment,
        },
      });
      expect(logged.statusCode, logged.body).toBe(201);
    }
  });
  afterAll(() => h.close());

  it('writes the filtered list with readable titles, no BOM, and hostile cells neutralised', async () => {
    const response = await agent.request({
      method: 'GET',
      url: '/api/v1/improvements/export?status=proposed&sort=title',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="improvements-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.rawPayload[0]).not.toBe(0xef);
    const [header, ...rows] = parse(response.body);
    expect(header?.slice(0, 5)).toEqual(['ID', 'Title', 'Description', 'Source type', 'Source ID']);
    // status=proposed leaves out the approved and done ones; sorted by title (code points: + = @).
    expect(rows.map((row) => row[1])).toEqual([
      "'+1 more coffee",
      '\'=HYPERLINK("http://evil.example","x")',
      "'@SUM(A1:A2)",
    ]);
    expect(rows.every((row) => row[2] === 'line one\nline two')).toBe(true);
    expect(rows.every((row) => row[header?.indexOf('Status') ?? -1] === 'proposed')).toBe(true);

    const all = parse(
      (await agent.request({ method: 'GET', url: '/api/v1/improvements/export?sort=title' })).body,
    );
    expect(all.slice(1).map((row) => row[1])).toEqual([
      "'+1 more coffee",
      "'-2 meetings a week",
      '\'=HYPERLINK("http://evil.example","x")',
      "'@SUM(A1:A2)",
      'Plain, with "quotes" and 中文',
    ]);
  });

  it('keeps confidential interactions redacted for those who may not read them, and numbers as numbers', async () => {
    const own = parse((await h.admin.request({ method: 'GET', url: '/api/v1/interactions/export' })).body);
    const [header, ...rows] = own;
    const summary = header?.indexOf('Summary') ?? -1;
    const sentiment = header?.indexOf('Sentiment') ?? -1;
    const redacted = header?.indexOf('Redacted') ?? -1;
    expect(rows.map((row) => [row[summary], row[sentiment], row[redacted]]).sort()).toEqual([
      ['Open lunch', '1', 'false'],
      ['Secret pricing talk', '-2', 'false'],
    ]);
    const response = await contributor.request({ method: 'GET', url: '/api/v1/interactions/export' });
    expect(response.statusCode, response.body).toBe(200);
    const theirs = parse(response.body).slice(1);
    expect(theirs.map((row) => [row[summary], row[sentiment], row[redacted]]).sort()).toEqual([
      ['', '', 'true'],
      ['Open lunch', '1', 'false'],
    ]);
  });

  it('refuses as the list does: permissions, unknown filters, paging parameters', async () => {
    const forbidden = await contributor.request({ method: 'GET', url: '/api/v1/audit-log/export' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.headers['content-type']).toMatch(/problem\+json/);
    const anonymous = await h.app.inject({ method: 'GET', url: '/api/v1/improvements/export' });
    expect(anonymous.statusCode).toBe(401);
    const bad = await agent.request({
      method: 'GET',
      url: '/api/v1/improvements/export?status=nope&colour=red',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['colour', 'status']);
    const paging = await agent.request({ method: 'GET', url: '/api/v1/improvements/export?limit=5' });
    expect(paging.statusCode).toBe(400);
  });

  it('walks every keyset page of a long list', async () => {
    // Each create writes one audit entry; the audit log is newest first.
    const before = await h.count('audit_log');
    const extra = EXPORT_PAGE + 3 - before;
    const db = h.test.database.db;
    const rows = Array.from({ length: extra }, (_, i) => ({
      id: `0190${String(i).padStart(4, '0')}-0000-7000-8000-000000000000`,
      at: `2026-01-01T00:00:00.${String(i % 1000).padStart(3, '0')}Z`,
      actor_id: null,
      action: 'create',
      entity: 'test',
      entity_id: `e${i}`,
      before: null,
      after: null,
    }));
    for (let i = 0; i < rows.length; i += 100)
      await db
        .insertInto('audit_log')
        .values(rows.slice(i, i + 100))
        .execute();
    const response = await h.admin.request({ method: 'GET', url: '/api/v1/audit-log/export' });
    expect(response.statusCode).toBe(200);
    const lines = parse(response.body);
    expect(lines.length).toBe(1 + EXPORT_PAGE + 3);
    expect(new Set(lines.slice(1).map((row) => row[0])).size).toBe(EXPORT_PAGE + 3);
  });

  it('exports every other list with the same shape', async () => {
    for (const path of [
      'relationships',
      'follow-ups',
      'exceptions',
      'reviews',
      'surveys',
      'lessons',
      'principles',
      'relationship-models',
      'materials',
      'culture-assessments',
      'org-units',
      'stakeholder-groups',
      'users',
      'webhooks',
    ]) {
      const response = await h.admin.request({ method: 'GET', url: `/api/v1/${path}/export` });
      expect(response.statusCode, `${path}: ${response.body}`).toBe(200);
      expect(parse(response.body)[0]?.[0], path).toBe('ID');
    }
    const users = parse(
      (await h.admin.request({ method: 'GET', url: '/api/v1/users/export?role=contributor' })).body,
    );
    expect(users.length).toBe(2);
  });
});

describe('column titles', () => {
  it('reads like words', () => {
    expect(titleOf('stakeholderIds')).toBe('Stakeholder IDs');
    expect(titleOf('externalRef')).toBe('External reference');
    expect(titleOf('createdAt')).toBe('Created at');
    expect(titleOf('url')).toBe('URL');
  });
});
