import { createLink, uniqueName } from '../fixtures/api';
import { expect, test } from '../fixtures/test';

test.describe('Links and network', () => {
  test('a stakeholder shows its links and the network around it', async ({ adminApi, adminPage: page }) => {
    const manager = await adminApi.createStakeholder({
      name: uniqueName('Network Manager'),
      category: 'manager',
    });
    const member = await adminApi.createStakeholder({
      name: uniqueName('Network Member'),
      category: 'team_member',
    });
    await createLink(adminApi, { fromId: member.id, toId: manager.id, type: 'reports_to' });

    await page.goto(`/stakeholders/${manager.id}`);
    await page.getByRole('tab', { name: 'Links' }).click();
    const links = page.getByRole('table', { name: `Links of ${manager.name}` });
    await expect(links.getByRole('row').filter({ hasText: member.name })).toContainText(
      'reports to this stakeholder',
    );

    await page.getByRole('tab', { name: 'Network' }).click();
    await expect(page.getByText('2 stakeholders, 1 links')).toBeVisible();
    await expect(page.getByTestId('network-chart')).toBeVisible();
    await expect(page.getByTestId('network-chart').locator('canvas')).toHaveCount(1);
  });
});
