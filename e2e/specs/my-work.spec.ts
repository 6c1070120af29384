import { openRelationship, seedGroupWithAgreedModel } from '../fixtures/relationship-api';
import { expect, signInPageThroughApi, test } from '../fixtures/test';
import { AppShell } from '../page-models/app-shell';

test.describe('My work', () => {
  test('an agent lands on My work and sees the relationship whose contact is overdue', async ({
    adminApi,
    page,
  }) => {
    const password = 'agent-password-123';
    const agent = await adminApi.createUser({ name: 'Ari Agent', role: 'relationship_agent', password });
    const { stakeholder, model } = await seedGroupWithAgreedModel(adminApi, [
      { name: 'Explore', activities: ['Meet the sponsor'] },
      { name: 'Agree', activities: ['Sign the agreement'] },
    ]);
    // The model's default cadence is a contact every 30 days; started 40 days ago, it is 10 days overdue.
    const relationship = await openRelationship(adminApi, {
      stakeholderId: stakeholder.id,
      modelId: model.id,
      agentId: agent.id,
      daysAgo: 40,
    });

    await signInPageThroughApi(page, agent.email, password);
    await page.goto('/');
    await expect(page).toHaveURL(/\/work$/);
    await expect(new AppShell(page).navigation.getByRole('link').first()).toHaveText('My work');
    await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();

    const contacts = page.getByRole('region', { name: /^Contacts due/ });
    const overdue = contacts.getByRole('listitem').filter({ hasText: relationship.name });
    await expect(overdue).toContainText('10 days overdue');
    await expect(page.getByRole('region', { name: /^Reviews due/ })).toContainText(
      'No review due this week.',
    );

    const activities = page.getByRole('region', { name: /^Activities of current steps/ });
    // Ticked, the activity leaves the list, so the box is clicked rather than checked and watched.
    await activities.getByRole('checkbox', { name: 'Meet the sponsor' }).click();
    await expect(activities.getByRole('checkbox', { name: 'Meet the sponsor' })).toHaveCount(0);
    const checklist = await page.request.get(`/api/v1/relationships/${relationship.id}/checklist`);
    expect(((await checklist.json()) as { data: { activityKey: string }[] }).data).toEqual([
      expect.objectContaining({ activityKey: 'a1' }),
    ]);

    await overdue.getByRole('link', { name: relationship.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: relationship.name })).toBeVisible();
  });
});
