import { expect, test } from '../fixtures/test';
import { ValueChainPage } from '../page-models/value-chain-page';

test.describe('Value-chain heat map', () => {
  test('shows the default levels with the guide’s descriptions, and a level changed by keyboard persists', async ({
    adminApi,
    adminPage: page,
  }) => {
    // Two visits of the page, a dialog and a reload: more than the default 30 s meant for one screen.
    test.setTimeout(90_000);
    // A stakeholder added today is assessed today: one engage record in the default period.
    await adminApi.createStakeholder();
    const valueChain = new ValueChainPage(page);
    await valueChain.open();
    // The first visit loads the page's chunk and the chart library: slower than a screen change.
    await expect(
      page.getByRole('heading', { level: 1, name: 'Contribution to the value chain' }),
    ).toBeVisible({
      timeout: 20_000,
    });

    const defaults = {
      plan: 'High',
      improve: 'Medium',
      engage: 'High',
      design_transition: 'Medium',
      obtain_build: 'Low',
      deliver_support: 'Medium',
    };
    for (const [activity, level] of Object.entries(defaults)) {
      await expect(valueChain.level(activity)).toHaveText(`Contribution: ${level}`);
    }
    await expect(valueChain.cell('engage')).toContainText('The practice responsible for engaging customers');
    await expect(valueChain.cell('obtain_build')).toContainText('choice between obtaining and building');
    await expect(valueChain.table()).toBeVisible();
    const assessments = valueChain.table().getByRole('row', { name: /Stakeholder assessments/ });
    await expect(assessments.getByRole('cell').last()).toHaveText(/^[1-9]\d*$/);
    await expect(page.getByTestId('value-chain-chart')).toBeVisible();

    // Keyboard only: open the editor, move the level with the arrow keys, write why, save with Enter.
    await valueChain.changeButton('Obtain/build').focus();
    await page.keyboard.press('Enter');
    const dialog = valueChain.dialog('Obtain/build');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('radio', { name: 'Low' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(dialog.getByRole('radio', { name: 'Medium' })).toBeChecked();
    await dialog.getByRole('textbox', { name: 'Note' }).fill('We now co-design services with two partners');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(valueChain.level('obtain_build')).toHaveText('Contribution: Medium');

    await page.reload();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Contribution to the value chain' }),
    ).toBeVisible({
      timeout: 20_000,
    });
    await expect(valueChain.level('obtain_build')).toHaveText('Contribution: Medium');
    await expect(valueChain.cell('obtain_build')).toContainText(
      'We now co-design services with two partners',
    );
    await expect(valueChain.level('plan')).toHaveText('Contribution: High');
  });

  test('a level changed by someone else meanwhile is shown instead of being overwritten', async ({
    adminApi,
    adminPage: page,
  }) => {
    const valueChain = new ValueChainPage(page);
    await valueChain.open();
    await valueChain.changeButton('Improve').click();
    const dialog = valueChain.dialog('Improve');
    await dialog.getByRole('radio', { name: 'Low' }).check();

    const current = (await (await adminApi.context.get('/api/v1/value-chain')).json()).data[1];
    const other = await adminApi.context.patch('/api/v1/value-chain/improve', {
      data: { level: 'high', note: 'Set by a colleague' },
      headers: { 'If-Match': `"${current.version}"` },
    });
    expect(other.status()).toBe(200);

    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByTestId('value-chain-conflict')).toBeVisible();
    await expect(dialog.getByRole('radio', { name: 'High' })).toBeChecked();
    await expect(dialog.getByRole('textbox', { name: 'Note' })).toHaveValue('Set by a colleague');
    // Saving again, now on the current version, goes through.
    await dialog.getByRole('radio', { name: 'Medium' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(valueChain.level('improve')).toHaveText('Contribution: Medium');
  });
});
