import { seedGroupWithAgreedModel } from '../fixtures/relationship-api';
import { expect, signInPageThroughApi, test } from '../fixtures/test';
import { RelationshipDetailPage } from '../page-models/relationship-pages';

test.describe('Relationships', () => {
  test('opened from a stakeholder on the proposed model, ticked and moved to the next step', async ({
    adminApi,
    adminPage: page,
  }) => {
    const { stakeholder, model } = await seedGroupWithAgreedModel(adminApi, [
      { name: 'Explore', activities: ['Map the bank’s needs', 'Meet the sponsor'] },
      { name: 'Agree', activities: ['Sign the partnership agreement'] },
      { name: 'Review', activities: ['Hold the quarterly review'] },
    ]);

    await page.goto(`/stakeholders/${stakeholder.id}`);
    await page.getByRole('link', { name: 'Open a relationship' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Open a relationship with ${stakeholder.name}` }),
    ).toBeVisible();
    // The only model in force for the stakeholder's group is proposed and already chosen.
    await expect(page.getByRole('radio', { name: `${model.name} (version 1)` })).toBeChecked();
    // An administrator may assign (relationships.assign), so the pickers are offered.
    await expect(page.getByRole('combobox', { name: 'Relationship manager' })).toBeVisible();
    await page.getByRole('button', { name: 'Open relationship' }).click();

    await expect(page.getByRole('heading', { level: 1, name: stakeholder.name })).toBeVisible();
    await expect(page).toHaveURL(/\/relationships\/[^/]+$/);
    const detail = new RelationshipDetailPage(page);
    await expect(detail.journey.getByRole('listitem')).toHaveCount(3);
    await expect(detail.currentStep()).toHaveCount(1);
    await expect(detail.currentStep()).toContainText('1. Explore');

    await detail.activity('Meet the sponsor').check();
    await expect(detail.activity('Meet the sponsor')).toBeChecked();
    await expect(detail.checklist.getByText(/^Ticked by /)).toHaveCount(1);
    await expect(detail.activity('Map the bank’s needs')).not.toBeChecked();

    await detail.moveTo('Agree', 'The sponsor asked for a proposal');

    await expect(detail.moveDialog).toBeHidden();
    await expect(detail.currentStep()).toContainText('2. Agree');
    await expect(detail.activity('Sign the partnership agreement')).toBeVisible();
    await expect(detail.history.getByText('From Explore to Agree')).toBeVisible();
    await expect(detail.history.getByText('The sponsor asked for a proposal')).toBeVisible();
  });

  test('an agent opens a relationship unassigned, without the manager and agent pickers', async ({
    adminApi,
    page,
  }) => {
    const password = 'agent-password-123';
    const { stakeholder } = await seedGroupWithAgreedModel(adminApi, [{ name: 'Explore', activities: [] }]);
    const agent = await adminApi.createUser({ role: 'relationship_agent', password });
    await signInPageThroughApi(page, agent.email, password);

    await page.goto(`/relationships/new?stakeholderId=${stakeholder.id}`);
    await expect(
      page.getByRole('heading', { level: 1, name: `Open a relationship with ${stakeholder.name}` }),
    ).toBeVisible();
    // Naming them is relationships.assign, which an agent does not hold: the server would refuse it (403).
    await expect(page.getByRole('combobox', { name: 'Relationship manager' })).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: 'Relationship agent' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Open relationship' }).click();
    await expect(page.getByRole('heading', { level: 1, name: stakeholder.name })).toBeVisible();
    await expect(page).toHaveURL(/\/relationships\/[^/]+$/);
  });
});
