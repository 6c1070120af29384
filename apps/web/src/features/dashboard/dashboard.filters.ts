import type { DashboardQuery } from '@rapport/contracts';
import { useFiltersFromUrl } from '../../app/url-filters';

// The KPI filters (same names as KpiQuery) plus the funnel's model; all kept in the URL to bookmark and share.
const fields = ['from', 'to', 'groupId', 'orgUnitId', 'managerId', 'modelId'] as const;
export type DashboardFilterField = (typeof fields)[number];

export function useDashboardQueryFromUrl(): [
  DashboardQuery,
  (changes: Partial<Record<DashboardFilterField, string | null>>) => void,
] {
  return useFiltersFromUrl(fields);
}
