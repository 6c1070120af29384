import { locales, RelationshipModelCreate } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { modelTemplates, templatesIn } from './model.templates.js';

const shapeOf = (locale: (typeof locales)[number], index: number) =>
  modelTemplates[index]?.content[locale].steps.map((step) => ({
    key: step.key,
    activities: step.activities.map((activity) => activity.key),
  }));

describe('the example relationship models', () => {
  it('offers the three examples in every language', () => {
    for (const locale of locales) {
      expect(templatesIn(locale).map((template) => template.key)).toEqual([
        'strategic-customer-partnership',
        'commodity-supplier',
        'regulator',
      ]);
    }
  });

  describe.each(modelTemplates.map((source, index) => [source.key, index] as const))('%s', (_key, index) => {
    const source = modelTemplates[index];

    it.each(locales)('is a valid model in %s', (locale) => {
      const result = RelationshipModelCreate.safeParse({
        name: source?.text[locale].name,
        ...source?.content[locale],
      });
      expect(result.error?.issues ?? []).toEqual([]);
    });

    it('has the same steps and activities in English and Chinese', () => {
      expect(shapeOf('zh-CN', index)).toEqual(shapeOf('en', index));
    });

    it('is written in each language, not copied from English', () => {
      const en = source?.content.en;
      const zh = source?.content['zh-CN'];
      expect(zh?.description).toMatch(/[\u4e00-\u9fff]/);
      zh?.steps.forEach((step, stepIndex) => {
        expect(step.purpose).not.toBe(en?.steps[stepIndex]?.purpose);
        for (const activity of step.activities) expect(activity.text).toMatch(/[\u4e00-\u9fff]/);
      });
    });

    it('gives every step a purpose, 3 to 6 activities and someone accountable', () => {
      for (const step of source?.content.en.steps ?? []) {
        expect(step.purpose).not.toBe('');
        expect(step.activities.length).toBeGreaterThanOrEqual(3);
        expect(step.activities.length).toBeLessThanOrEqual(6);
        expect(step.responsibilities.filter((r) => r.raci === 'A')).toHaveLength(1);
      }
    });
  });
});
