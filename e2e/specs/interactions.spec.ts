import type { MyWork, Relationship, User } from '@rapport/contracts';
import type { ApiSession } from '../fixtures/api';
import { baseURL } from '../fixtures/env';
import { seedGroupWithAgreedModel } from '../fixtures/relationship-api';
import { expect, signInPageThroughApi, test } from '../fixtures/test';
import { InteractionTimeline } from '../page-models/interaction-pages';

const password = 'agent-password-123';

/** A relationship on an agreed model, looked after by a new agent who can sign in. */
async function seedRelationshipWithAgent(
  adminApi: ApiSession,
): Promise<{ relationship: Relationship; agent: User }> {
  const { stakeholder, model } = await seedGroupWithAgreedModel(adminApi, [
    { name: 'Explore', activities: ['Meet the sponsor'] },
  ]);
  const agent = await adminApi.createUser({
    name: `Agent ${stakeholder.name}`,
    role: 'relationship_agent',
    password,
  });
  const response = await adminApi.context.post('/api/v1/relationships', {
    data: { stakeholderId: stakeholder.id, modelId: model.id, ourRole: 'provider', agentId: agent.id },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { relationship: (await response.json()) as Relationship, agent };
}

test.describe('Interactions', () => {
  test('an agent logs a meeting with a follow-up for themselves, which lands on their work list', async ({
    adminApi,
    page,
  }) => {
    // Seeding a group, an agreed model and users (each a password hash), then signing in, adds up.
    test.slow();
    const { relationship, agent } = await seedRelationshipWithAgent(adminApi);
    await signInPageThroughApi(page, agent.email, password);
    await page.goto(`/relationships/${relationship.id}`);
    await expect(page.getByRole('heading', { level: 1, name: relationship.name })).toBeVisible();
    const timeline = new InteractionTimeline(page);
    await expect(timeline.section.getByRole('heading', { name: 'No interactions logged yet' })).toBeVisible();
    await expect(page.getByText('No contact logged yet')).toBeVisible();

    await timeline.log({
      summary: 'Walked the sponsor through the **renewal** terms.',
      sentiment: 'Positive',
      action: { text: 'Send the renewal proposal', dueOn: '2030-01-15' },
    });

    await expect(timeline.dialog).toBeHidden();
    await expect(timeline.entries()).toHaveCount(1);
    const entry = timeline.entries().first();
    await expect(entry.getByRole('heading', { name: /^Meeting · / })).toBeVisible();
    await expect(entry.locator('strong', { hasText: 'renewal' })).toBeVisible();
    await expect(entry.getByText('Sentiment +1: Positive')).toBeVisible();
    await expect(entry.getByText(`Logged by ${agent.name}`)).toBeVisible();
    const action = entry.getByRole('checkbox', { name: 'Send the renewal proposal' });
    await expect(action).not.toBeChecked();
    await expect(action).toHaveAccessibleDescription(`Owner: ${agent.name} · Due Jan 15, 2030`);
    // Logging the meeting is the relationship's latest contact.
    await expect(page.getByText('No contact logged yet')).toHaveCount(0);

    const work = async () => {
      const response = await page.request.get('/api/v1/me/work');
      expect(response.status()).toBe(200);
      return ((await response.json()) as MyWork).followUps.filter(
        (f) => f.relationshipId === relationship.id,
      );
    };
    const open = await work();
    expect(open.map((f) => [f.text, f.ownerId, f.dueOn, f.relationshipName])).toEqual([
      ['Send the renewal proposal', agent.id, '2030-01-15', relationship.name],
    ]);

    await action.check();
    await expect(action).toBeChecked();
    await expect.poll(async () => (await work()).length).toBe(0);
  });

  test('a confidential interaction is redacted for an agent who does not look after the relationship', async ({
    adminApi,
    page,
    browser,
  }) => {
    // Seeding a group, an agreed model and users (each a password hash), then signing in, adds up.
    test.slow();
    const { relationship, agent } = await seedRelationshipWithAgent(adminApi);
    const outsider = await adminApi.createUser({ role: 'relationship_agent', password });

    await signInPageThroughApi(page, agent.email, password);
    await page.goto(`/relationships/${relationship.id}`);
    const timeline = new InteractionTimeline(page);
    await timeline.log({ summary: 'The sponsor expects a budget cut next year.', confidential: true });
    await expect(timeline.dialog).toBeHidden();
    await expect(timeline.entries().first().getByText('Confidential', { exact: true })).toBeVisible();
    await expect(
      timeline.entries().first().getByText('The sponsor expects a budget cut next year.'),
    ).toBeVisible();

    const context = await browser.newContext({ baseURL, locale: 'en-GB' });
    const outsiderPage = await context.newPage();
    await signInPageThroughApi(outsiderPage, outsider.email, password);
    await outsiderPage.goto(`/relationships/${relationship.id}`);
    await expect(outsiderPage.getByRole('heading', { level: 1, name: relationship.name })).toBeVisible();
    const seen = new InteractionTimeline(outsiderPage).entries();
    await expect(seen).toHaveCount(1);
    await expect(
      seen.first().getByText('Confidential: only the people of this relationship can read it'),
    ).toBeVisible();
    await expect(seen.first().getByText('Confidential', { exact: true })).toBeVisible();
    await expect(seen.first()).not.toContainText('budget cut');
    await context.close();
  });
});
