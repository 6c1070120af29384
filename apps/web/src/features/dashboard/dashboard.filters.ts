import type { DashboardQuery } from '@rapport/contracts';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

// The KPI filters (same names as KpiQuery) plus the funnel's model; all kept in the URL to bookmark and share.
const fields = ['from', 'to', 'groupId', 'orgUnitId', 'managerId', 'modelId'] as const;
export type DashboardFilterField = (typeof fields)[number];
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

export function useDashboardQueryFromUrl(): [
  DashboardQuery,
  (changes: Partial<Record<DashboardFilterField, string | null>>) => void,
] {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => {
    const out: DashboardQuery = {};
    for (const field of fields) {
      const value = params.get(field);
      if (!value) continue;
      if ((field === 'from' || field === 'to') && !isDay(value)) continue;
      out[field] = value;
    }
    return out;
  }, [params]);
  const set = useCallback(
    (changes: Partial<Record<DashboardFilterField, string | null>>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [field, value] of Object.entries(changes)) {
            if (value) next.set(field, value);
            else next.delete(field);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [query, set];
}
