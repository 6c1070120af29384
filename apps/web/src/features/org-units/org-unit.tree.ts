import type { OrgUnit } from '@rapport/contracts';

export interface UnitRow {
  unit: OrgUnit;
  depth: number;
}

/** Each unit's children in the order given; `null` holds the top level and units whose parent is absent. */
export function childrenByParent(units: readonly OrgUnit[]): Map<string | null, OrgUnit[]> {
  const ids = new Set(units.map((unit) => unit.id));
  const children = new Map<string | null, OrgUnit[]>();
  for (const unit of units) {
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  return children;
}

/**
 * The units in tree order (each parent followed by its children, siblings in the order given). A unit
 * whose parent is not in the list (archived, or filtered out) is shown at the top level rather than lost.
 */
export function unitTree(units: readonly OrgUnit[]): UnitRow[] {
  const children = childrenByParent(units);
  const rows: UnitRow[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const unit of children.get(parent) ?? []) {
      if (seen.has(unit.id)) continue;
      seen.add(unit.id);
      rows.push({ unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  // The server refuses cycles; should one exist anyway, its units still appear.
  for (const unit of units) if (!seen.has(unit.id)) rows.push({ unit, depth: 0 });
  return rows;
}

/** The unit and everything below it: none of them can become its parent. */
export function selfAndDescendants(units: readonly OrgUnit[], id: string): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && found.has(unit.parentId) && !found.has(unit.id)) {
        found.add(unit.id);
        grew = true;
      }
    }
  }
  return found;
}

/** "Organisation › Division › Team", so units with the same name are told apart. */
export function unitPath(units: readonly OrgUnit[], id: string): string {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const names: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return names.join(' › ');
}
