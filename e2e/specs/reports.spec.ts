import { expect, test } from '../fixtures/test';
import { ReportsPage } from '../page-models/reports-page';

test.describe('Reports', () => {
  test('downloads the stakeholder map and the KPI report as PDFs, and names a backwards period', async ({
    adminApi,
    adminPage: page,
  }) => {
    await adminApi.createStakeholder({ name: 'Report Partner', influence: 5, interest: 5 });
    const reports = new ReportsPage(page);
    await reports.open();
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible({ timeout: 20_000 });

    const map = reports.card('Stakeholder map');
    await map.getByText('简体中文').click();
    const mapPdf = await reports.download(map);
    expect(mapPdf.name).toMatch(/^rapport-stakeholder-map-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(mapPdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    const kpis = reports.card('KPI report');
    await kpis.getByLabel('From').fill('2026-09-30');
    await kpis.getByLabel('To').fill('2026-09-01');
    await kpis.getByRole('button', { name: 'Download PDF' }).click();
    await expect(kpis.getByText('The period ends on or after the day it starts')).toBeVisible();
    await kpis.getByLabel('From').fill('2026-09-01');
    await kpis.getByLabel('To').fill('2026-09-30');
    const kpiPdf = await reports.download(kpis);
    expect(kpiPdf.name).toMatch(/^rapport-kpis-/);
    expect(kpiPdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // The review report waits for a review to be chosen.
    await expect(
      reports.card('Relationship review').getByRole('button', { name: 'Download PDF' }),
    ).toBeDisabled();
  });
});
