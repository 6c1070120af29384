import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages } from './report.pdf-text.js';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../../bin/rapport.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-report-cli-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'reports.db')}` };
const rapport = (...args: string[]) => run(process.execPath, [bin, ...args], { env });
const out = (name: string) => path.join(dir, name);

describe('rapport report', () => {
  beforeAll(async () => {
    await rapport(
      'user',
      'create',
      '--email',
      'admin@example.com',
      '--name',
      'Admin',
      '--password',
      'a-long-password',
    );
    await rapport('demo');
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the stakeholder map of the demo organisation as a PDF in Chinese', async () => {
    const written = await rapport('report', 'stakeholder-map', '--out', out('map.pdf'), '--lang', 'zh-CN');
    expect(written.stdout).toMatch(/^Wrote .*map\.pdf \(\d+ kB\)/);
    const bytes = fs.readFileSync(out('map.pdf'));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]).toContain('干系人地图报告');
    expect(pages[1]).toContain('影响力与关注度地图');
    expect(pages[2]).toContain('需要重点管理的关键干系人');
  }, 60_000);

  it('writes the KPI report for a period, as the user named', async () => {
    await rapport(
      'user',
      'create',
      '--email',
      'auditor@example.com',
      '--name',
      'Auditor',
      '--role',
      'viewer',
      '--password',
      'a-long-password',
    );
    await rapport(
      'report',
      'kpis',
      '--out',
      out('kpis.pdf'),
      '--from',
      '2026-01-01',
      '--to',
      '2026-03-31',
      '--as',
      'auditor@example.com',
    );
    const pages = await pdfPages(fs.readFileSync(out('kpis.pdf')));
    expect(pages).toHaveLength(5);
    expect(pages[0]).toContain('2026-01-01 – 2026-03-31');
  }, 60_000);

  it('says what is wrong and writes nothing', async () => {
    const noReview = await rapport('report', 'relationship-review', '--out', out('review.pdf')).catch(
      (e) => e,
    );
    expect(noReview.code).toBe(1);
    expect(noReview.stderr).toContain('--review: name the review to report on');
    const badKind = await rapport('report', 'sales', '--out', out('sales.pdf')).catch((e) => e);
    expect(badKind.code).toBe(1);
    expect(badKind.stderr).toContain('stakeholder-map, relationship-review, kpis, approach');
    const badLang = await rapport('report', 'kpis', '--out', out('fr.pdf'), '--lang', 'fr').catch((e) => e);
    expect(badLang.stderr).toContain('--lang');
    const nobody = await rapport(
      'report',
      'approach',
      '--out',
      out('x.pdf'),
      '--as',
      'nobody@example.com',
    ).catch((e) => e);
    expect(nobody.stderr).toContain('No user nobody@example.com');
    for (const name of ['review.pdf', 'sales.pdf', 'fr.pdf', 'x.pdf'])
      expect(fs.existsSync(out(name))).toBe(false);
  }, 120_000);
});
