import Papa from 'papaparse';
import { uniqueName } from '../fixtures/api';
import { expect, test } from '../fixtures/test';
import { ExportCsv } from '../page-models/export-csv';

test.describe('Exports', () => {
  test('the improvement register downloads the filtered list as CSV, hostile cells neutralised', async ({
    adminApi,
    adminPage: page,
  }) => {
    const tag = uniqueName('Export');
    for (const title of [`=1+1 ${tag}`, `${tag} plain, 中文`]) {
      const created = await adminApi.context.post('/api/v1/improvements', { data: { title } });
      expect(created.status()).toBe(201);
    }
    await adminApi.context.post('/api/v1/improvements', {
      data: { title: uniqueName('Not in this export') },
    });

    await page.goto('/improvements');
    await page.getByRole('searchbox', { name: 'Search' }).fill(tag);
    await expect(page.getByRole('row').filter({ hasText: `${tag} plain` })).toBeVisible();
    // The search is applied after a pause; the link carries the list's filters once it is.
    const exportCsv = new ExportCsv(page);
    await expect(exportCsv.button).toHaveAttribute('href', new RegExp(`q=[^&]*${tag.split(' ').at(-1)}`));
    const exported = await exportCsv.download();
    expect(exported.name).toMatch(/^improvements-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = Papa.parse<string[]>(exported.text, { skipEmptyLines: true }).data;
    expect(header?.slice(0, 2)).toEqual(['ID', 'Title']);
    expect(rows.map((row) => row[1]).sort()).toEqual([`'=1+1 ${tag}`, `${tag} plain, 中文`]);
  });

  test('an administrator downloads all of the data as JSON', async ({ adminPage: page }) => {
    await page.goto('/admin/export');
    // The first visit loads the page's code: as slow as the reports page on a busy machine.
    await expect(page.getByRole('heading', { level: 1, name: 'Export all data' })).toBeVisible({
      timeout: 20_000,
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download JSON export' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^rapport-export-.*\.json$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const document = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    expect(document).toMatchObject({ format: 'rapport-export', formatVersion: 1 });
    expect(Object.keys(document.tables)).toContain('improvements');
    expect(Object.keys(document.tables)).not.toContain('sessions');
  });
});
