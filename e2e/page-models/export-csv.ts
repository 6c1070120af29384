import type { Locator, Page } from '@playwright/test';

/** The "Export CSV" button of a list page and what it downloads. */
export class ExportCsv {
  readonly button: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole('link', { name: 'Export CSV' });
  }

  /** Clicks the button and returns the file's suggested name and its text. */
  async download(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.button.click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }
}
