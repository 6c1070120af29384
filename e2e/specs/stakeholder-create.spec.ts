import { uniqueName } from '../fixtures/api';
import { expect, test } from '../fixtures/test';
import { StakeholderFormPage } from '../page-models/stakeholder-form-page';
import { StakeholderListPage } from '../page-models/stakeholder-list-page';

test.describe('Creating a stakeholder', () => {
  test('an influence of 7 is marked on the field; once fixed, the stakeholder is saved and listed', async ({
    adminPage: page,
  }) => {
    const name = uniqueName('Acme Procurement');
    const list = new StakeholderListPage(page);
    await list.goto();
    await list.createButton.click();

    const form = new StakeholderFormPage(page);
    await form.name.fill(name);
    await form.chooseCategory('Customer');
    await form.influence.fill('7');
    await form.interest.fill('4');
    await form.save.click();

    await expect(form.influence).toHaveAttribute('aria-invalid', 'true');
    await expect(form.influence).toHaveAccessibleDescription(/from 1 to 5/);
    await expect(form.interest).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/stakeholders\/new$/);

    await form.influence.fill('4');
    await form.save.click();

    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('Manage closely', { exact: true })).toBeVisible();

    await list.goto();
    await expect(list.row(name)).toBeVisible();
    await expect(list.row(name).getByRole('cell').nth(3)).toHaveText('4');
  });

  test('every invalid field is marked at once', async ({ adminPage: page }) => {
    const form = new StakeholderFormPage(page);
    await form.gotoNew();
    await form.save.click();

    await expect(form.name).toHaveAttribute('aria-invalid', 'true');
    await expect(form.category).toHaveAttribute('aria-invalid', 'true');
    await expect(form.influence).toHaveAttribute('aria-invalid', 'true');
    await expect(form.interest).toHaveAttribute('aria-invalid', 'true');
  });

  test('the list filters by search text and keeps the filter in the address', async ({
    adminApi,
    adminPage: page,
  }) => {
    const wanted = await adminApi.createStakeholder({
      name: uniqueName('Filterable Ltd'),
      tags: ['e2e-filter'],
    });
    await adminApi.createStakeholder({ name: uniqueName('Other Org') });

    const list = new StakeholderListPage(page);
    await list.goto();
    await list.search.fill(wanted.name);
    await expect(page).toHaveURL(/q=/);
    await expect(list.row(wanted.name)).toBeVisible();
    await expect(list.table.getByRole('row')).toHaveCount(2);

    await page.reload();
    await expect(list.search).toHaveValue(wanted.name);
    await expect(list.row(wanted.name)).toBeVisible();
  });
});
