import fs from 'node:fs/promises';
import type { Relationship } from '@rapport/contracts';
import { uniqueName } from '../fixtures/api';
import { openRelationship, seedGroupWithAgreedModel } from '../fixtures/relationship-api';
import { expect, test } from '../fixtures/test';
import { DashboardPage } from '../page-models/dashboard-page';

test.describe('Dashboard', () => {
  test('filters by manager, and exports a chart as PNG, SVG and CSV', async ({
    adminApi,
    adminPage: page,
  }) => {
    const managerName = uniqueName('Aaron Dashboard');
    const manager = await adminApi.createUser({
      name: managerName,
      role: 'relationship_manager',
      password: 'dashboard-password',
    });
    const { stakeholder, model } = await seedGroupWithAgreedModel(adminApi, [
      { name: 'Explore', activities: ['Map the needs'] },
      { name: 'Agree', activities: ['Sign the agreement'] },
    ]);
    const calm = await openRelationship(adminApi, { stakeholderId: stakeholder.id, modelId: model.id });
    const tense = await openRelationship(adminApi, { stakeholderId: stakeholder.id, modelId: model.id });
    // Both are the new manager's; one is overridden to a poor score.
    for (const relationship of [calm, tense]) {
      const response = await adminApi.context.patch(`/api/v1/relationships/${relationship.id}`, {
        data: {
          managerId: manager.id,
          ...(relationship === tense && { healthOverride: { score: 20, comment: 'Escalations' } }),
        },
        headers: { 'If-Match': `"${relationship.version}"` },
      });
      expect(response.status(), await response.text()).toBe(200);
      expect(((await response.json()) as Relationship).managerId).toBe(manager.id);
    }
    // One more, not theirs, so the organisation's figure differs from the manager's.
    await openRelationship(adminApi, { stakeholderId: stakeholder.id, modelId: model.id });

    const dashboard = new DashboardPage(page);
    await dashboard.open();
    await expect(dashboard.heading()).toBeVisible();
    await expect(dashboard.healthTotal()).toBeVisible();
    const everyone = await dashboard.healthTotal().textContent();
    expect(everyone).not.toBe('2 active relationships');

    await dashboard.filterByManager(managerName);
    await expect(dashboard.healthTotal()).toHaveText('2 active relationships');
    await expect(page).toHaveURL(new RegExp(`managerId=${manager.id}`));
    // The table alternative carries the same numbers as the chart.
    const table = dashboard.chart('health').getByRole('table', { name: 'Health distribution' });
    await expect(table.getByRole('row', { name: /Poor \(0–39\) 1 1/ })).toBeAttached();

    const csv = await dashboard.export('health', 'CSV');
    expect(csv.suggestedFilename()).toMatch(/^dashboard-health-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await fs.readFile(await csv.path())).toString('utf8').replace(/^\uFEFF/, '');
    expect(text.split('\r\n')).toEqual([
      'Health,Relationships,Overridden by hand',
      'Good (70–100),1,0',
      'Fair (40–69),0,0',
      'Poor (0–39),1,1',
      'Not measured yet,0,0',
      '',
    ]);

    const svg = await dashboard.export('health', 'SVG');
    expect(svg.suggestedFilename()).toMatch(/^dashboard-health-\d{4}-\d{2}-\d{2}\.svg$/);
    expect((await fs.readFile(await svg.path())).toString('utf8')).toMatch(/^<svg[\s\S]*<\/svg>$/);

    const png = await dashboard.export('health', 'PNG');
    expect(png.suggestedFilename()).toMatch(/^dashboard-health-\d{4}-\d{2}-\d{2}\.png$/);
    const bytes = await fs.readFile(await png.path());
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
