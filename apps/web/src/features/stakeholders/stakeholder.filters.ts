import {
  type Quadrant,
  quadrants,
  type StakeholderCategory,
  stakeholderCategories,
  stakeholderSorts,
} from '@rapport/contracts';

export type ArchivedFilter = 'false' | 'true' | 'only';
export type Scope = 'internal' | 'external';

export interface StakeholderFilters {
  q: string;
  category: StakeholderCategory[];
  scope: Scope | null;
  quadrant: Quadrant[];
  ownerId: string | null;
  tag: string[];
  groupId: string | null;
  archived: ArchivedFilter;
  sort: string;
}

export const defaultSort = 'name';
const sortValues = new Set<string>(stakeholderSorts.flatMap((field) => [field, `-${field}`]));

function csv(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

function only<T extends string>(allowed: readonly T[], values: string[]): T[] {
  return values.filter((value): value is T => (allowed as readonly string[]).includes(value));
}

/** The list's filters live in the address, so a filtered view can be bookmarked and shared. */
export function filtersFromSearch(search: URLSearchParams): StakeholderFilters {
  const scope = search.get('scope');
  const archived = search.get('archived');
  const sort = search.get('sort') ?? defaultSort;
  return {
    q: search.get('q') ?? '',
    category: only(stakeholderCategories, csv(search.get('category'))),
    scope: scope === 'internal' || scope === 'external' ? scope : null,
    quadrant: only(quadrants, csv(search.get('quadrant'))),
    ownerId: search.get('ownerId') || null,
    tag: csv(search.get('tag')),
    groupId: search.get('groupId') || null,
    archived: archived === 'true' || archived === 'only' ? archived : 'false',
    sort: sortValues.has(sort) ? sort : defaultSort,
  };
}

export function searchFromFilters(filters: StakeholderFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.q.trim()) search.set('q', filters.q.trim());
  if (filters.category.length) search.set('category', filters.category.join(','));
  if (filters.scope) search.set('scope', filters.scope);
  if (filters.quadrant.length) search.set('quadrant', filters.quadrant.join(','));
  if (filters.ownerId) search.set('ownerId', filters.ownerId);
  if (filters.tag.length) search.set('tag', filters.tag.join(','));
  if (filters.groupId) search.set('groupId', filters.groupId);
  if (filters.archived !== 'false') search.set('archived', filters.archived);
  if (filters.sort !== defaultSort) search.set('sort', filters.sort);
  return search;
}

export function hasActiveFilters(filters: StakeholderFilters): boolean {
  return Boolean(
    filters.q.trim() ||
      filters.category.length ||
      filters.scope ||
      filters.quadrant.length ||
      filters.ownerId ||
      filters.tag.length ||
      filters.groupId ||
      filters.archived !== 'false',
  );
}

/** The filters as API query parameters (list, map, salience, engagement and export share them). */
export function filterParams(filters: StakeholderFilters): Record<string, string | undefined> {
  return {
    q: filters.q.trim() || undefined,
    category: filters.category.join(',') || undefined,
    scope: filters.scope ?? undefined,
    quadrant: filters.quadrant.join(',') || undefined,
    ownerId: filters.ownerId ?? undefined,
    tag: filters.tag.join(',') || undefined,
    groupId: filters.groupId ?? undefined,
    archived: filters.archived === 'false' ? undefined : filters.archived,
  };
}

export const noFilters: StakeholderFilters = filtersFromSearch(new URLSearchParams());
