import { uniqueName } from '../fixtures/api';
import { createMaterial, patchMaterial } from '../fixtures/approach-api';
import { expect, signInPageThroughApi, test } from '../fixtures/test';
import { MaterialDetailPage, MaterialListPage } from '../page-models/material-pages';

const password = 'agent-password-123';

test.describe('Training materials', () => {
  test('an agent acknowledges a material and the coverage counts them', async ({ adminApi, page }) => {
    const agent = await adminApi.createUser({
      name: uniqueName('Reader Agent'),
      role: 'relationship_agent',
      password,
    });
    const material = await createMaterial(adminApi, {
      title: uniqueName('How we run a relationship review'),
      body: '## Before the meeting\n\nSend the **agenda** a week ahead.',
      audience: ['relationship_agent'],
    });
    // Other tests add agents too, so the counts are read from the API rather than assumed.
    const { acknowledged, audience } = material.acknowledgement;
    expect(audience).toBeGreaterThanOrEqual(1);

    await signInPageThroughApi(page, agent.email, password);
    const list = new MaterialListPage(page);
    await list.goto();
    await list.pendingForMe.check();
    const row = list.row(material.title);
    await expect(row).toContainText(`${acknowledged}/${audience}`);
    await row.getByRole('link', { name: `Read and acknowledge: ${material.title}` }).click();

    const detail = new MaterialDetailPage(page);
    await expect(page.getByRole('heading', { level: 2, name: 'Before the meeting' })).toBeVisible();
    await expect(detail.notYet).toContainText(agent.name);
    await detail.acknowledge.click();
    await expect(detail.readAlready).toHaveText('You have read revision 1.');
    await expect(detail.haveRead).toContainText(agent.name);
    await expect(page.getByText(`${acknowledged + 1}/${audience}`)).toBeVisible();
    await expect(detail.notYet.getByRole('cell', { name: agent.name, exact: true })).toHaveCount(0);

    await list.goto();
    await expect(list.row(material.title)).toContainText(`${acknowledged + 1}/${audience}`);
    await expect(list.row(material.title)).toContainText('You have read this');
    await list.pendingForMe.check();
    await expect(list.row(material.title)).toHaveCount(0);
  });

  test('a revision published while the agent reads is shown before it can be acknowledged', async ({
    adminApi,
    page,
  }) => {
    const agent = await adminApi.createUser({
      name: uniqueName('Slow Reader'),
      role: 'relationship_agent',
      password,
    });
    const material = await createMaterial(adminApi, {
      title: uniqueName('Escalation etiquette'),
      body: 'Call before you write.',
      audience: ['relationship_agent'],
    });

    await signInPageThroughApi(page, agent.email, password);
    const detail = new MaterialDetailPage(page);
    await detail.goto(material.id);
    await expect(page.getByText('Call before you write.')).toBeVisible();
    await patchMaterial(adminApi, material, {
      body: 'Call before you write, and write down what was agreed.',
    });

    await detail.acknowledge.click();
    await expect(page.getByRole('alert').filter({ hasText: 'A newer revision appeared' })).toContainText(
      'Revision 2 is shown now',
    );
    await expect(page.getByText('Call before you write, and write down what was agreed.')).toBeVisible();
    await expect(detail.notYet).toContainText(agent.name);

    await detail.acknowledge.click();
    await expect(detail.readAlready).toHaveText('You have read revision 2.');
    await expect(detail.haveRead).toContainText(agent.name);
  });
});
