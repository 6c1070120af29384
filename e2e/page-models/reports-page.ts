import type { Locator, Page } from '@playwright/test';

/** Reports: a card per printable report with its language, its fields and "Download PDF". */
export class ReportsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/reports');
  }

  card(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }

  /** Clicks "Download PDF" on a card and returns the downloaded file's name and first bytes. */
  async download(card: Locator, label = 'Download PDF') {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      card.getByRole('button', { name: label }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }
}
