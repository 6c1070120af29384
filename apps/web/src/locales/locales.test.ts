import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };

const english = import.meta.glob<Tree>('./en/*.json', { eager: true, import: 'default' });
const chinese = import.meta.glob<Tree>('./zh-CN/*.json', { eager: true, import: 'default' });

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function valuesOf(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : valuesOf(value)));
}

describe('web translations', () => {
  it('has the same namespaces in English and Simplified Chinese', () => {
    const names = (files: Record<string, Tree>) => Object.keys(files).map((path) => path.split('/').at(-1));
    expect(names(chinese)).toEqual(names(english));
  });

  for (const [path, tree] of Object.entries(english)) {
    const namespace = path.split('/').at(-1) ?? path;
    it(`translates every key of ${namespace} into Simplified Chinese`, () => {
      const translated = chinese[`./zh-CN/${namespace}`];
      expect(translated).toBeDefined();
      expect(keysOf(translated ?? {}).sort()).toEqual(keysOf(tree).sort());
      expect(valuesOf(translated ?? {}).filter((value) => value.trim() === '')).toEqual([]);
    });
  }
});
