import { findStakeholders, importCsv, uniqueName } from '../fixtures/api';
import { expect, test } from '../fixtures/test';
import { ImportPage } from '../page-models/import-page';

const mapping = { name: 'name', category: 'category', influence: 'influence', interest: 'interest' };

test.describe('Importing stakeholders from CSV', () => {
  test('a file with bad rows shows the row errors and, all or nothing, imports nothing', async ({
    adminApi,
    adminPage: page,
  }) => {
    const good = uniqueName('Imported Good');
    const csv = `name,category,influence,interest\n${good},customer,3,4\n${uniqueName('Imported Bad')},customer,9,4\n`;
    const importPage = new ImportPage(page);
    await importPage.goto();
    await importPage.chooseFile('bad-rows.csv', csv);
    await importPage.upload.click();

    await expect(page.getByRole('table', { name: 'Which field does each column fill?' })).toBeVisible();
    await expect(page.getByText('Data rows: 2')).toBeVisible();
    await importPage.importButton.click();

    await expect(page.getByText('Nothing was imported')).toBeVisible();
    const errorRow = importPage.rowErrors.getByRole('row').filter({ hasText: 'influence' });
    await expect(errorRow).toContainText('2');
    await expect(page.getByRole('button', { name: 'Download errors (CSV)' })).toBeVisible();
    expect(await findStakeholders(adminApi, good)).toHaveLength(0);
  });

  test('undo removes what an import created', async ({ adminApi, adminPage: page }) => {
    const name = uniqueName('Undo Me');
    const fileName = `${name.replaceAll(' ', '-')}.csv`;
    const result = await importCsv(
      adminApi,
      fileName,
      `name,category,influence,interest\n${name},partner,2,3\n`,
      mapping,
    );
    expect(result.created).toBe(1);
    expect(await findStakeholders(adminApi, name)).toHaveLength(1);

    const importPage = new ImportPage(page);
    await importPage.goto();
    const row = importPage.historyRow(fileName);
    await row.getByRole('button', { name: `Undo the import of ${fileName}` }).click();
    await expect(row).toContainText('Undone');
    await expect.poll(async () => (await findStakeholders(adminApi, name)).length).toBe(0);
  });
});
