import type { Locator, Page } from '@playwright/test';

export class ImportPage {
  readonly upload: Locator;
  readonly importButton: Locator;
  readonly validateButton: Locator;
  readonly rowErrors: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.upload = page.getByRole('button', { name: 'Upload and preview' });
    this.importButton = page.getByRole('button', { name: 'Import', exact: true });
    this.validateButton = page.getByRole('button', { name: 'Validate' });
    this.rowErrors = page.getByRole('table', { name: 'Row errors' });
    this.history = page.getByRole('table', { name: 'Past imports' });
  }

  async goto() {
    await this.page.goto('/stakeholders/import');
  }

  async chooseFile(name: string, csv: string) {
    await this.page.locator('input[type="file"]').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
  }

  historyRow(fileName: string): Locator {
    return this.history.getByRole('row').filter({ hasText: fileName });
  }
}
