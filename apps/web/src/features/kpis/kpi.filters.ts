import type { KpiQuery } from '@rapport/contracts';
import { useCallback } from 'react';
import { useFiltersFromUrl } from '../../app/url-filters';

const fields = ['from', 'to', 'groupId', 'orgUnitId', 'managerId'] as const;
export type KpiFilterField = (typeof fields)[number];
/** The KPI filters live in the URL, so a filtered view can be bookmarked and shared. */
export function useKpiQueryFromUrl(): [KpiQuery, (field: KpiFilterField, value: string | null) => void] {
  const [query, set] = useFiltersFromUrl(fields);
  const setOne = useCallback((field: KpiFilterField, value: string | null) => set({ [field]: value }), [set]);
  return [query, setOne];
}

/** The query string of the filters, to carry them from the catalogue to a drill-down and back. */
export const searchOf = (query: KpiQuery) => {
  const search = new URLSearchParams();
  for (const field of fields) {
    const value = query[field];
    if (value) search.set(field, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};
