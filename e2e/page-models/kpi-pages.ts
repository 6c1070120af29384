import type { Locator, Page } from '@playwright/test';

/** Reports › KPIs: the catalogue under the three practice success factors, and a KPI's drill-down. */
export class KpiPages {
  constructor(readonly page: Page) {}

  async open(search = '') {
    await this.page.goto(`/kpis${search}`);
  }

  card(key: string): Locator {
    return this.page.getByTestId(`kpi-card-${key}`);
  }

  value(key: string): Locator {
    return this.page.getByTestId(`kpi-value-${key}`);
  }

  dialog(name: RegExp | string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  records(): Locator {
    return this.page.getByRole('table', { name: /records behind the value/ });
  }
}
