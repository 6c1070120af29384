import type { Exception, Relationship, User } from '@rapport/contracts';
import { ApiSession } from '../fixtures/api';
import { seedGroupWithAgreedModel } from '../fixtures/relationship-api';
import { expect, signInPageThroughApi, test } from '../fixtures/test';
import { ExceptionPage, RaiseExceptionDialog } from '../page-models/exception-pages';

const password = 'exception-password-123';

async function seedRelationship(adminApi: ApiSession, agent: User): Promise<Relationship> {
  const { stakeholder, model } = await seedGroupWithAgreedModel(adminApi, [
    { name: 'Engage', activities: ['Meet the sponsor'] },
  ]);
  const response = await adminApi.context.post('/api/v1/relationships', {
    data: { stakeholderId: stakeholder.id, modelId: model.id, ourRole: 'provider', agentId: agent.id },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Relationship;
}

test.describe('Exceptions', () => {
  test('an agent raises contempt, sees its antidote, mediates, resolves and closes it', async ({
    adminApi,
    page,
  }) => {
    test.slow();
    const agent = await adminApi.createUser({
      name: 'Agent Exceptions',
      role: 'relationship_agent',
      password,
    });
    const owner = await adminApi.createUser({
      name: `Olga Owner ${Date.now().toString(36)}`,
      role: 'relationship_agent',
      password,
    });
    const relationship = await seedRelationship(adminApi, agent);
    await signInPageThroughApi(page, agent.email, password);
    await page.goto(`/relationships/${relationship.id}`);
    const section = page.getByRole('region', { name: 'Exceptions' });
    await expect(section.getByRole('heading', { name: 'No exceptions' })).toBeVisible();
    await section.getByRole('button', { name: 'Raise an exception' }).click();

    const raise = new RaiseExceptionDialog(page);
    await raise.dialog.getByRole('textbox', { name: 'Title' }).fill('Mockery in the steering meeting');
    await raise.choose('Type', 'Toxic behaviour');
    await raise.choose('Toxic behaviour', 'Contempt');
    await expect(raise.antidote('Contempt')).toContainText('culture of appreciation and respect');
    await raise.choose('Severity', 'Severe');
    await raise.dialog.getByRole('button', { name: 'Raise', exact: true }).click();

    const exception = new ExceptionPage(page);
    await expect(exception.heading('Mockery in the steering meeting')).toBeVisible();
    await expect(exception.antidote('Contempt')).toContainText('strongest predictor');
    // Only the workflow's steps from "open" are offered.
    await expect(exception.workflow().getByRole('button')).toHaveText([
      'Start mediation',
      'Resolve',
      'Escalate',
    ]);

    // Editing: the form starts from what is saved; the changed severity and owner show on the page.
    const edit = await exception.edit();
    await expect(edit.dialog.getByRole('textbox', { name: 'Title' })).toHaveValue(
      'Mockery in the steering meeting',
    );
    await expect(edit.dialog.getByRole('combobox', { name: 'Toxic behaviour', exact: true })).toHaveValue(
      'Contempt',
    );
    await edit.choose('Severity', 'Minor');
    await edit.choose('Owner', owner.name);
    await edit.save();
    await expect(exception.heading('Mockery').getByText('Minor')).toBeVisible();
    await expect(exception.heading('Mockery').getByText('Severe')).toHaveCount(0);
    await expect(exception.fact('Owner')).toHaveText(`Owner${owner.name}`);
    await expect(exception.antidote('Contempt')).toBeVisible();

    // Someone else saves while the form is open: nothing is overwritten, the form reloads and says so.
    const again = await exception.edit();
    const id = page.url().split('/').pop() ?? '';
    const current = (await (await adminApi.context.get(`/api/v1/exceptions/${id}`)).json()) as Exception;
    const meanwhile = await adminApi.context.patch(`/api/v1/exceptions/${id}`, {
      data: { description: 'Seen by the sponsor too.' },
      headers: { 'If-Match': `"${current.version}"` },
    });
    expect(meanwhile.status(), await meanwhile.text()).toBe(200);
    await again.choose('Severity', 'Severe');
    await again.dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(again.dialog.getByRole('alert')).toContainText(
      'Someone changed this exception in the meantime',
    );
    await expect(again.dialog.getByRole('alert')).toContainText('(severity)');
    await expect(again.dialog.getByRole('textbox', { name: 'Description (Markdown)' })).toHaveValue(
      'Seen by the sponsor too.',
    );
    await expect(again.dialog.getByRole('combobox', { name: 'Severity', exact: true })).toHaveValue('Minor');
    await again.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(exception.heading('Mockery').getByText('Minor')).toBeVisible();

    await exception.move('Start mediation', { note: 'Meeting with both leads booked' });
    await expect(exception.heading('Mockery').getByText('In mediation')).toBeVisible();
    await exception.writeMediationNotes('Both sides agreed to a **respect charter**.');
    await expect(page.getByRole('region', { name: 'Mediation' }).locator('strong')).toHaveText(
      'respect charter',
    );

    // Resolving asks how it was resolved.
    await exception.workflow().getByRole('button', { name: 'Resolve', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect(dialog.getByRole('textbox', { name: 'Resolution' })).toHaveAccessibleDescription(
      /Required to resolve/,
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await exception.move('Resolve', { resolution: 'Apology given; charter signed by both leads.' });
    await expect(page.getByRole('region', { name: 'Resolution' })).toContainText('Apology given');
    await exception.move('Close');
    await expect(exception.heading('Mockery').getByText('Closed')).toBeVisible();
    await expect(exception.workflow()).toContainText('It is closed');
    const rows = exception.history().getByRole('row');
    await expect(rows).toHaveCount(5);
    await expect(rows.nth(2)).toContainText('Open → In mediation');
    await expect(rows.nth(2)).toContainText('Meeting with both leads booked');
    await expect(rows.nth(4)).toContainText('Resolved → Closed');

    // The register lists it with its status; the relationship's page links to it.
    await page.goto('/exceptions');
    const row = page.getByRole('row', { name: /Mockery in the steering meeting/ });
    await expect(row).toContainText('Closed');
    await expect(row).toContainText('Minor');
  });

  test('a hidden reporter is not shown to another user, but is to administrators', async ({
    adminApi,
    page,
  }) => {
    test.slow();
    const agent = await adminApi.createUser({ name: 'Agent Reader', role: 'relationship_agent', password });
    const contributor = await adminApi.createUser({ name: 'Quiet Reporter', role: 'contributor', password });
    const relationship = await seedRelationship(adminApi, agent);
    const reporter = await ApiSession.signIn(contributor.email, password);
    const response = await reporter.context.post('/api/v1/exceptions', {
      data: {
        relationshipId: relationship.id,
        title: 'Shouted at our engineer',
        type: 'toxic_behaviour',
        toxicBehaviour: 'criticism',
        severity: 'moderate',
        reporterHidden: true,
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    const raised = (await response.json()) as Exception;
    expect(raised.reportedBy).toBeNull();
    await reporter.dispose();

    await signInPageThroughApi(page, agent.email, password);
    await page.goto(`/exceptions/${raised.id}`);
    const exception = new ExceptionPage(page);
    await expect(exception.heading('Shouted at our engineer')).toBeVisible();
    await expect(page.getByText('Reported by')).toBeVisible();
    await expect(page.getByText('Hidden').first()).toBeVisible();
    await expect(page.getByText('Quiet Reporter')).toHaveCount(0);
    const asAgent = await page.request.get(`/api/v1/exceptions/${raised.id}`);
    expect(((await asAgent.json()) as Exception).reportedBy).toBeNull();

    const asAdmin = await adminApi.context.get(`/api/v1/exceptions/${raised.id}`);
    expect(((await asAdmin.json()) as Exception).reportedBy).toBe(contributor.id);
  });
});
