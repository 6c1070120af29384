import { uniqueName } from '../fixtures/api';
import { expect, test } from '../fixtures/test';
import { ModelEditorPage } from '../page-models/model-editor-page';

test.describe('Relationship models', () => {
  test('a model built step by step in the editor shows its journey with every activity', async ({
    adminPage: page,
  }) => {
    // Three steps of typing through the whole editor take longer than a form of one page.
    test.slow();
    const name = uniqueName('Key account partnership');
    await page.goto('/approach/models');
    await page.getByRole('link', { name: 'New model' }).click();

    const editor = new ModelEditorPage(page);
    await expect(editor.stepList.getByRole('listitem')).toHaveCount(8);
    await editor.name.fill(name);
    await editor.chooseRelationshipType('Partnership');
    await editor.chooseScale('Control ↔ trust', 4);
    await editor.chooseScale('Exchange ↔ communal', 4);
    await editor.chooseScale('Protective ↔ self-disclosing', 4);
    await editor.chooseScale('Process ↔ experimental', 3);
    await editor.chooseScale('Isolation ↔ sharing', 5);

    for (const step of ['Engage', 'Offer', 'Onboard', 'Co-create', 'Realise', 'Withdraw'])
      await editor.removeStep(step);
    await editor.newStep('Review together');
    await expect(editor.stepList.getByRole('listitem')).toHaveCount(3);

    await editor.step('Explore').click();
    await editor.typeActivities(['Map the customer’s market', 'Shortlist partners']);
    await editor.step('Agree').click();
    await editor.typeActivities(['Sign the partnership agreement']);
    await editor.step('Review together').click();
    await editor.typeActivities(['Hold the quarterly review', 'Agree improvements', 'Thank the team']);
    await expect(editor.activity(3)).toHaveValue('Thank the team');
    await expect(editor.step('Review together')).toContainText('3 activities');

    // Leaving with unsaved work asks first.
    await page.getByRole('link', { name: 'Principles' }).click();
    await expect(page.getByRole('dialog', { name: 'Leave without saving?' })).toBeVisible();
    await page.getByRole('button', { name: 'Keep editing' }).click();
    await expect(page).toHaveURL(/\/approach\/models\/new$/);

    await editor.create.click();

    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page).toHaveURL(/\/approach\/models\/[^/]+$/);
    const journey = page.getByRole('list', { name: 'The journey, 3 steps' });
    const steps = journey.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
    await expect(steps).toHaveCount(3);
    await expect(steps.nth(0).getByRole('heading', { level: 3 })).toHaveText('1. Explore');
    await expect(steps.nth(0)).toContainText('Map the customer’s market');
    await expect(steps.nth(0)).toContainText('Shortlist partners');
    await expect(steps.nth(1).getByRole('heading', { level: 3 })).toHaveText('2. Agree');
    await expect(steps.nth(1)).toContainText('Sign the partnership agreement');
    await expect(steps.nth(2).getByRole('heading', { level: 3 })).toHaveText('3. Review together');
    for (const activity of ['Hold the quarterly review', 'Agree improvements', 'Thank the team'])
      await expect(steps.nth(2)).toContainText(activity);
    await expect(
      page.getByText('Version 1 is a draft. No version of this model is in force yet.'),
    ).toBeVisible();
  });

  test('health weights that do not add up to 100 are marked and nothing is saved', async ({
    adminApi,
    adminPage: page,
  }) => {
    const name = uniqueName('Office supplies');
    const editor = new ModelEditorPage(page);
    await editor.gotoNew('commodity-supplier');
    await expect(editor.name).toHaveValue('Commodity supplier');
    await editor.name.fill(name);
    await editor.weight('Sentiment').fill('20');
    await expect(page.getByText('Total: 110 %')).toBeVisible();

    await editor.create.click();

    await expect(
      page.getByRole('alert').filter({ hasText: 'The weights add up to 110 %; they must add up to 100 %.' }),
    ).toBeVisible();
    await expect(editor.errorSummary).toBeVisible();
    await expect(page).toHaveURL(/\/approach\/models\/new\?template=commodity-supplier$/);
    const response = await adminApi.context.get(`/api/v1/relationship-models?q=${encodeURIComponent(name)}`);
    expect(((await response.json()) as { data: unknown[] }).data).toEqual([]);

    await editor.weight('Sentiment').fill('10');
    await expect(page.getByText('Total: 100 %')).toBeVisible();
    await editor.create.click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  test('a second accountable role marks its step in the step list and on the role', async ({
    adminPage: page,
  }) => {
    const editor = new ModelEditorPage(page);
    await editor.gotoNew('regulator');
    await editor.step('Engage').click();
    await page.getByRole('button', { name: '+ Add role' }).click();
    await page.getByRole('combobox', { name: 'Role 4', exact: true }).fill('Chief executive');
    await page.getByRole('combobox', { name: 'RACI of role 4' }).selectOption('A');
    await editor.step('Explore').click();

    await editor.create.click();

    await expect(editor.step('Engage')).toContainText('Needs attention');
    await expect(editor.step('Explore')).not.toContainText('Needs attention');
    await expect(page.getByRole('combobox', { name: 'RACI of role 4' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expect(page.getByText('A step has one accountable role (A) at most.')).toBeVisible();
  });
});
