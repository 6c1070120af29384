import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';
import { filterParams, type StakeholderFilters } from '../stakeholders/stakeholder.filters';
import { stakeholderKeys } from '../stakeholders/stakeholder.queries';
import type { MapResponse } from './map.data';

// Under the list key, so every save, merge or import that refreshes lists refreshes the map too.
export const mapKeys = {
  map: (filters: StakeholderFilters, asOf: string | null) =>
    [...stakeholderKeys.lists(), 'map', filters, asOf] as const,
};

export function useStakeholderMap(filters: StakeholderFilters, asOf: string | null) {
  return useQuery({
    queryKey: mapKeys.map(filters, asOf),
    queryFn: ({ signal }) =>
      api<MapResponse>(withQuery('/stakeholders/map', { ...filterParams(filters), asOf }), { signal }),
    placeholderData: keepPreviousData,
  });
}
