import type { KpiQuery } from '@rapport/contracts';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

const fields = ['from', 'to', 'groupId', 'orgUnitId', 'managerId'] as const;
export type KpiFilterField = (typeof fields)[number];
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The KPI filters live in the URL, so a filtered view can be bookmarked and shared. */
export function useKpiQueryFromUrl(): [KpiQuery, (field: KpiFilterField, value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => {
    const out: KpiQuery = {};
    for (const field of fields) {
      const value = params.get(field);
      if (!value) continue;
      if ((field === 'from' || field === 'to') && !isDay(value)) continue;
      out[field] = value;
    }
    return out;
  }, [params]);
  const set = useCallback(
    (field: KpiFilterField, value: string | null) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(field, value);
          else next.delete(field);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [query, set];
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
