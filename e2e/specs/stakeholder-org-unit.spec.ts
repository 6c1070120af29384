import type { Stakeholder } from '@rapport/contracts';
import { uniqueName } from '../fixtures/api';
import { createOrgUnit } from '../fixtures/approach-api';
import { expect, test } from '../fixtures/test';
import { StakeholderFormPage } from '../page-models/stakeholder-form-page';

test.describe('A stakeholder in an organisation unit', () => {
  test('an internal stakeholder is placed in a unit, and leaves it on becoming external', async ({
    adminApi,
    adminPage: page,
  }) => {
    const unit = await createOrgUnit(adminApi, { name: uniqueName('Service Desk'), kind: 'team' });
    const name = uniqueName('Priya Patel');

    const form = new StakeholderFormPage(page);
    await form.gotoNew();
    // Only an internal stakeholder belongs to one of the organisation's units; a new one starts external.
    await expect(form.scope).toHaveValue('External');
    await expect(form.orgUnit).toHaveCount(0);
    await form.name.fill(name);
    await form.chooseCategory('Team member');
    await form.chooseScope('Internal');
    await form.chooseOrgUnit(unit.name);
    await expect(form.orgUnit).toHaveValue(unit.name);
    await form.influence.fill('3');
    await form.interest.fill('4');
    await form.save.click();

    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('Person · Team member · Internal')).toBeVisible();
    await expect(page.getByText('Organisation unit', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: unit.name, exact: true })).toHaveAttribute(
      'href',
      '/approach/org-units',
    );
    const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';

    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(form.orgUnit).toHaveValue(unit.name);
    await form.chooseScope('External');
    await expect(form.orgUnit).toHaveCount(0);
    await form.saveChanges.click();

    await expect(page).toHaveURL(new RegExp(`/stakeholders/${id}$`));
    await expect(page.getByText('Person · Team member · External')).toBeVisible();
    await expect(page.getByText('Organisation unit', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('link', { name: unit.name, exact: true })).toHaveCount(0);
    const saved = (await (await page.request.get(`/api/v1/stakeholders/${id}`)).json()) as Stakeholder;
    expect(saved).toMatchObject({ scope: 'external', orgUnitId: null });
  });
});
