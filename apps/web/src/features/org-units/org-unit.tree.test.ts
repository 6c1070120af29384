import type { OrgUnit } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { selfAndDescendants, unitPath, unitTree } from './org-unit.tree';

function unit(id: string, parentId: string | null, name = id): OrgUnit {
  return {
    id,
    name,
    kind: 'team',
    parentId,
    description: '',
    archivedAt: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const units = [
  unit('finance', 'org'),
  unit('org', null),
  unit('it', 'org'),
  unit('desk', 'it'),
  unit('orphan', 'archived-parent'),
];

describe('unitTree', () => {
  it('puts every unit under its parent, one level deeper', () => {
    expect(unitTree(units).map((row) => `${row.unit.id}:${row.depth}`)).toEqual([
      'org:0',
      'finance:1',
      'it:1',
      'desk:2',
      'orphan:0',
    ]);
  });

  it('still lists units caught in a cycle', () => {
    const cyclic = [unit('a', 'b'), unit('b', 'a')];
    expect(
      unitTree(cyclic)
        .map((row) => row.unit.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });
});

describe('selfAndDescendants', () => {
  it('finds the unit and every unit below it', () => {
    expect([...selfAndDescendants(units, 'org')].sort()).toEqual(['desk', 'finance', 'it', 'org']);
    expect([...selfAndDescendants(units, 'desk')]).toEqual(['desk']);
  });
});

describe('unitPath', () => {
  it('names the unit with its parents', () => {
    expect(unitPath([unit('org', null, 'Acme'), unit('it', 'org', 'IT')], 'it')).toBe('Acme › IT');
  });
});
