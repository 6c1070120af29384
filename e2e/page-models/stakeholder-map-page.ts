import { expect, type Locator, type Page } from '@playwright/test';

/** The stakeholder map: a canvas chart, so points are found through the page's `rapportMap` hook. */
export class StakeholderMapPage {
  readonly chart: Locator;
  readonly asOf: Locator;
  readonly noteDialog: Locator;

  constructor(readonly page: Page) {
    this.chart = page.getByTestId('stakeholder-map');
    this.asOf = page.getByLabel('As of');
    this.noteDialog = page.getByRole('dialog', { name: 'Re-assess position' });
  }

  async goto(query: Record<string, string>) {
    await this.page.goto(`/stakeholders/map?${new URLSearchParams(query)}`);
  }

  /** Viewport coordinates of a stakeholder's point, once the chart has drawn it. */
  async pointOf(id: string): Promise<{ x: number; y: number }> {
    await expect
      .poll(() => this.page.evaluate((key) => window.rapportMap?.pixelOf(key) ?? null, id))
      .not.toBeNull();
    const pixel = await this.page.evaluate((key) => window.rapportMap?.pixelOf(key), id);
    return this.toViewport(pixel as [number, number]);
  }

  async cell(interest: number, influence: number): Promise<{ x: number; y: number }> {
    const pixel = await this.page.evaluate(
      ([x, y]) => window.rapportMap?.pixelAt(x as number, y as number),
      [interest, influence],
    );
    return this.toViewport(pixel as [number, number]);
  }

  positionOf(id: string) {
    return this.page.evaluate((key) => window.rapportMap?.positionOf(key) ?? null, id);
  }

  async drag(from: { x: number; y: number }, to: { x: number; y: number }) {
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await this.page.mouse.move(to.x, to.y, { steps: 5 });
    await this.page.mouse.up();
  }

  private async toViewport([x, y]: [number, number]) {
    await this.chart.scrollIntoViewIfNeeded();
    const box = await this.chart.boundingBox();
    if (!box) throw new Error('The map is not on the page');
    return { x: box.x + x, y: box.y + y };
  }
}

declare global {
  interface Window {
    rapportMap?: {
      pixelOf: (id: string) => [number, number] | null;
      pixelAt: (interest: number, influence: number) => [number, number];
      positionOf: (id: string) => { influence: number; interest: number } | null;
    };
  }
}
