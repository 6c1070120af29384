import type { EngagementLevel, SalienceClass } from '@rapport/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';
import { filterParams, type StakeholderFilters } from '../stakeholders/stakeholder.filters';
import { stakeholderKeys } from '../stakeholders/stakeholder.queries';

export interface SalienceSummary {
  classes: { salience: SalienceClass; count: number }[];
}

export interface EngagementSummary {
  cells: { current: EngagementLevel; desired: EngagementLevel; count: number }[];
  unassessed: number;
}

export const summaryKeys = {
  salience: (filters: StakeholderFilters) => [...stakeholderKeys.lists(), 'salience', filters] as const,
  engagement: (filters: StakeholderFilters) => [...stakeholderKeys.lists(), 'engagement', filters] as const,
};

export function useSalienceSummary(filters: StakeholderFilters) {
  return useQuery({
    queryKey: summaryKeys.salience(filters),
    queryFn: ({ signal }) =>
      api<SalienceSummary>(withQuery('/stakeholders/salience', filterParams(filters)), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEngagementSummary(filters: StakeholderFilters) {
  return useQuery({
    queryKey: summaryKeys.engagement(filters),
    queryFn: ({ signal }) =>
      api<EngagementSummary>(withQuery('/stakeholders/engagement', filterParams(filters)), { signal }),
    placeholderData: keepPreviousData,
  });
}
