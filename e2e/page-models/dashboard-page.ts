import type { Download, Locator, Page } from '@playwright/test';

/** The dashboard: filters, the KPI summary, charts with their exports, and what is due this week. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async open(search = '') {
    await this.page.goto(`/dashboard${search}`);
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Dashboard' });
  }

  chart(name: 'health' | 'funnel' | 'engagement' | 'exceptions'): Locator {
    return this.page.getByTestId(`chart-${name}`);
  }

  healthTotal(): Locator {
    return this.page.getByTestId('health-total');
  }

  async filterByManager(name: string) {
    const select = this.page.getByRole('combobox', { name: 'Relationship manager', exact: true });
    await select.click();
    await select.fill(name);
    await this.page.getByRole('option', { name }).click();
  }

  /** Clicks one of a chart's export buttons and waits for the file. */
  async export(
    chart: 'health' | 'funnel' | 'engagement' | 'exceptions',
    kind: 'PNG' | 'SVG' | 'CSV',
  ): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.chart(chart)
      .getByRole('button', { name: new RegExp(`^Export ${kind}`) })
      .click();
    return download;
  }
}
