import type { Kpi, KpiCatalogue } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { kpiReport } from './kpi.report.js';
import { pdfPages } from './report.pdf-text.js';

const period = { from: '2026-07-01', to: '2026-09-28' };
const kpi = (over: Partial<Kpi> & Pick<Kpi, 'key' | 'psf' | 'unit'>): Kpi => ({
  source: 'computed',
  direction: 'higher_is_better',
  period,
  value: null,
  numerator: null,
  denominator: null,
  breakdown: [],
  target: null,
  status: 'no_data',
  trend: [],
  version: 1,
  updatedAt: null,
  ...over,
});

/** A hand-built catalogue: one KPI of each practice success factor, with every status but "no target". */
const catalogue: KpiCatalogue = {
  period,
  data: [
    kpi({
      key: 'principles_acknowledged',
      psf: 'approach',
      unit: 'percent',
      value: 85,
      numerator: 17,
      denominator: 20,
      target: 80,
      status: 'met',
      trend: [
        { from: '2026-01-02', to: '2026-03-31', value: 60 },
        { from: '2026-04-01', to: '2026-06-30', value: null },
        { from: '2026-07-01', to: '2026-09-28', value: 85 },
      ],
    }),
    kpi({ key: 'climate_score', psf: 'internal', unit: 'score5', value: 3.25, target: 4, status: 'missed' }),
    kpi({ key: 'key_stakeholder_nps', psf: 'external', unit: 'nps', value: 12, status: 'no_target' }),
    kpi({ key: 'image_in_media', psf: 'external', unit: 'score100', source: 'manual', status: 'no_data' }),
  ],
};
const context = { organisation: 'Acme Holdings', generatedAt: '2026-09-29T08:30:00.000Z' };

describe('the KPI report', () => {
  it('prints a title page, a summary and one page per practice success factor', async () => {
    const pdf = await kpiReport(catalogue, { ...context, lang: 'en' });
    // The font is subset: only the glyphs used are embedded.
    expect(pdf.length).toBeLessThan(60_000);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(pdf);
    expect(pages).toHaveLength(5);
    expect(pages[0]).toContain('KPI report');
    expect(pages[0]).toContain('Acme Holdings');
    expect(pages[0]).toContain('2026-07-01 – 2026-09-28');
    expect(pages[0]).toContain('Page 1 of 5');
    // Summary: 1 met, 1 missed, 1 without a target, 1 without data.
    expect(pages[1]).toContain(
      'Targets met 1 Targets missed 1 Without a target 1 Without data for the period 1',
    );
    expect(pages[2]).toContain('Practice success factor 1');
    expect(pages[2]).toContain('Principles acknowledged');
    expect(pages[2]).toContain('85%');
    expect(pages[2]).toContain('80%');
    expect(pages[2]).toContain('17 / 20');
    expect(pages[2]).toContain('60 → — → 85');
    expect(pages[2]).toContain('Met');
    expect(pages[3]).toContain('Internal climate');
    expect(pages[3]).toContain('3.25 / 5');
    expect(pages[3]).toContain('Missed');
    expect(pages[4]).toContain('+12');
    expect(pages[4]).toContain('entered by hand');
    expect(pages[4]).toContain('Page 5 of 5');
  });

  it('prints the same report in Simplified Chinese with the Chinese text extractable', async () => {
    const pages = await pdfPages(await kpiReport(catalogue, { ...context, lang: 'zh-CN' }));
    expect(pages).toHaveLength(5);
    expect(pages[0]).toContain('关键绩效指标报告');
    expect(pages[0]).toContain('第 1 页，共 5 页');
    expect(pages[2]).toContain('原则确认率');
    expect(pages[2]).toContain('已达标');
    expect(pages[3]).toContain('内部氛围');
    expect(pages[4]).toContain('手工录入');
  });

  it('says so when there is no KPI, and leaves out empty factors', async () => {
    const pages = await pdfPages(await kpiReport({ period, data: [] }, { ...context, lang: 'en' }));
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain('No KPI is defined.');
  });
});
