import type { OrgUnit } from '@rapport/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';
import { unitPath } from './org-unit.tree';

export type OrgUnitArchived = 'false' | 'true';

interface OrgUnitPage {
  data: OrgUnit[];
  nextCursor: string | null;
}

export const orgUnitKeys = {
  all: ['org-units'] as const,
  lists: () => [...orgUnitKeys.all, 'list'] as const,
  list: (archived: OrgUnitArchived) => [...orgUnitKeys.lists(), archived] as const,
};

/**
 * Every unit of the organisation, page after page: the tree and the pickers need the whole structure
 * (an organisation has hundreds of units at most, so this stays a handful of requests).
 */
async function fetchAllUnits(archived: OrgUnitArchived, signal: AbortSignal): Promise<OrgUnit[]> {
  const units: OrgUnit[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<OrgUnitPage>(
      withQuery('/org-units', {
        sort: 'name',
        limit: 200,
        cursor,
        archived: archived === 'false' ? undefined : archived,
      }),
      { signal },
    );
    units.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return units;
}

export function useOrgUnits(archived: OrgUnitArchived = 'false') {
  return useQuery({
    queryKey: orgUnitKeys.list(archived),
    queryFn: ({ signal }) => fetchAllUnits(archived, signal),
    staleTime: 60_000,
  });
}

/** Names a unit by its path ("Acme › IT › Service desk"), archived units included. */
export function useOrgUnitPaths() {
  const units = useOrgUnits('true');
  const all = units.data ?? [];
  return (id: string) => (units.data ? unitPath(all, id) : '…');
}
