import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * Filters kept in the URL's search parameters, so a filtered view can be bookmarked and shared. `from` and `to` are
 * days; a value that is not one is left out rather than sent to the API.
 */
export function useFiltersFromUrl<F extends string>(
  fields: readonly F[],
): [Partial<Record<F, string>>, (changes: Partial<Record<F, string | null>>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const out: Partial<Record<F, string>> = {};
    for (const field of fields) {
      const value = params.get(field);
      if (!value) continue;
      if ((field === 'from' || field === 'to') && !isDay(value)) continue;
      out[field] = value;
    }
    return out;
  }, [params, fields]);
  const set = useCallback(
    (changes: Partial<Record<F, string | null>>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [field, value] of Object.entries(changes) as [string, string | null | undefined][]) {
            if (value) next.set(field, value);
            else next.delete(field);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [filters, set];
}
