import { uniqueName } from '../fixtures/api';
import { expect, originHeader, signInPageThroughApi, test } from '../fixtures/test';
import { AppShell } from '../page-models/app-shell';
import { StakeholderListPage } from '../page-models/stakeholder-list-page';

test.describe('A viewer', () => {
  test('sees no create or edit controls, and the API refuses their writes', async ({ adminApi, page }) => {
    const password = 'viewer-password-123';
    const viewer = await adminApi.createUser({ name: 'Vera Viewer', role: 'viewer', password });
    const stakeholder = await adminApi.createStakeholder({ name: uniqueName('Read Only Corp') });

    await signInPageThroughApi(page, viewer.email, password);
    const list = new StakeholderListPage(page);
    await list.goto();
    await expect(list.row(stakeholder.name)).toBeVisible();
    await expect(list.createButton).toHaveCount(0);
    await expect(new AppShell(page).navLink('Users')).toHaveCount(0);

    await list.row(stakeholder.name).getByRole('link', { name: stakeholder.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: stakeholder.name })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Archive' })).toHaveCount(0);

    // The same session the browser uses, sent as the API would get it from the page's origin.
    const create = await page.request.post('/api/v1/stakeholders', {
      data: { name: 'Not allowed', category: 'customer', influence: 3, interest: 3 },
      headers: originHeader,
    });
    expect(create.status()).toBe(403);
    const update = await page.request.patch(`/api/v1/stakeholders/${stakeholder.id}`, {
      data: { name: 'Renamed' },
      headers: { ...originHeader, 'If-Match': `"${stakeholder.version}"` },
    });
    expect(update.status()).toBe(403);
    const unchanged = await adminApi.context.get(`/api/v1/stakeholders/${stakeholder.id}`);
    expect(((await unchanged.json()) as { name: string }).name).toBe(stakeholder.name);
  });
});
