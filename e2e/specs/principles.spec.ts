import { uniqueName } from '../fixtures/api';
import { expect, signInPageThroughApi, test } from '../fixtures/test';
import { PrincipleDetailPage, PrincipleListPage } from '../page-models/principle-pages';

test.describe('Principles', () => {
  test('an agent writes and proposes a principle, a manager agrees it, and an edit starts version 2 as a draft', async ({
    adminApi,
    page,
  }) => {
    // The whole life of a principle, by two users, in one test: more steps than the default timeout allows for.
    test.slow();
    const agentPassword = 'agent-password-123';
    const managerPassword = 'manager-password-123';
    const agent = await adminApi.createUser({
      name: 'Ada Agent',
      role: 'relationship_agent',
      password: agentPassword,
    });
    const manager = await adminApi.createUser({
      name: 'Mona Manager',
      role: 'relationship_manager',
      password: managerPassword,
    });
    const title = uniqueName('Agree expectations in writing');

    // The agent writes the principle in Markdown and proposes it.
    await signInPageThroughApi(page, agent.email, agentPassword);
    const list = new PrincipleListPage(page);
    await list.goto();
    await list.write(title, 'We **agree** expectations before work starts.\n\n- Scope\n- Contacts');
    const detail = new PrincipleDetailPage(page);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(detail.banner).toContainText(
      'Version 1 is a draft. No version of this principle is in force yet.',
    );
    await expect(detail.text.locator('strong')).toHaveText('agree');
    await expect(detail.text.getByRole('listitem')).toHaveText(['Scope', 'Contacts']);
    await detail.takeStep('Propose for agreement', 'Propose', 'Ready for the board');
    await expect(detail.banner).toContainText('Version 1 is proposed for agreement.');
    // An agent may propose but not agree, and a proposal cannot be edited.
    await expect(detail.button('Agree')).toHaveCount(0);
    await expect(detail.button('Edit')).toHaveCount(0);
    await expect(detail.button('Withdraw')).toBeVisible();
    const principleId = new URL(page.url()).pathname.split('/').at(-1) ?? '';

    // The relationship manager agrees it: version 1 is in force and frozen.
    await signInPageThroughApi(page, manager.email, managerPassword);
    await detail.goto(principleId);
    await detail.takeStep('Agree', 'Agree', 'Agreed at the March meeting');
    await expect(detail.banner).toContainText(/Version 1 is agreed and in force since .+\. It is frozen/);
    await expect(detail.button('Edit')).toHaveCount(0);
    await expect(detail.versionRow(1)).toContainText('Agreed');
    await expect(detail.versionRow(1)).toContainText('Mona Manager');
    await expect(detail.versionRow(1)).toContainText('Agreed at the March meeting');

    // Editing the agreed principle says up front that it makes version 2, and leaves version 1 in force.
    await detail.button('Edit (new version)').click();
    const dialog = page.getByRole('dialog', { name: 'Edit principle (version 1)' });
    await expect(dialog).toContainText(
      'Saving your changes creates version 2 as a draft; version 1 stays in force until version 2 is agreed.',
    );
    await dialog
      .getByRole('textbox', { name: 'Text' })
      .fill('We agree expectations in writing before work starts.');
    await dialog.getByRole('textbox', { name: 'What changed' }).fill('In writing');
    await dialog.getByRole('button', { name: 'Save as new draft version' }).click();
    await expect(dialog).toBeHidden();

    await expect(detail.banner).toContainText('Version 2 is a draft; version 1 is agreed and in force.');
    await expect(page.getByRole('heading', { name: 'Text of version 2 (Draft)' })).toBeVisible();
    await expect(detail.versionRow(2)).toContainText('Draft');
    await expect(detail.versionRow(1)).toContainText('Agreed');
    await expect(page.getByText('Removed: We **agree** expectations before work starts.')).toBeAttached();
    await expect(
      page.getByText('Added: We agree expectations in writing before work starts.'),
    ).toBeAttached();

    // The frozen version 1 kept its text.
    const frozen = await page.request.get(`/api/v1/principles/${principleId}/versions/1`);
    expect(((await frozen.json()) as { body: string }).body).toContain(
      'We **agree** expectations before work starts.',
    );

    const principles = new PrincipleListPage(page);
    await principles.goto();
    await expect(principles.row(title)).toContainText('Draft');
    await expect(principles.row(title)).toContainText('In force v1');
  });
});
