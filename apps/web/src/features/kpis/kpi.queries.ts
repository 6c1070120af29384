import type {
  Kpi,
  KpiCatalogue,
  KpiEntry,
  KpiEntryInput,
  KpiKey,
  KpiQuery,
  KpiRecord,
} from '@rapport/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export const kpiKeysOf = {
  all: ['kpis'] as const,
  catalogue: (query: KpiQuery) => [...kpiKeysOf.all, 'catalogue', query] as const,
  one: (key: string, query: KpiQuery) => [...kpiKeysOf.all, 'one', key, query] as const,
  records: (key: string, query: KpiQuery) => [...kpiKeysOf.all, 'records', key, query] as const,
  entries: (key: string) => [...kpiKeysOf.all, 'entries', key] as const,
};

const params = (query: KpiQuery) => ({
  from: query.from,
  to: query.to,
  groupId: query.groupId,
  orgUnitId: query.orgUnitId,
  managerId: query.managerId,
});

export function useKpiCatalogue(query: KpiQuery) {
  return useQuery({
    queryKey: kpiKeysOf.catalogue(query),
    queryFn: ({ signal }) => api<KpiCatalogue>(withQuery('/kpis', params(query)), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useKpi(key: string, query: KpiQuery) {
  return useQuery({
    queryKey: kpiKeysOf.one(key, query),
    queryFn: ({ signal }) =>
      api<Kpi>(withQuery(`/kpis/${encodeURIComponent(key)}`, params(query)), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useKpiRecords(key: string, query: KpiQuery) {
  return useInfiniteQuery({
    queryKey: kpiKeysOf.records(key, query),
    initialPageParam: null as string | null,
    queryFn: ({ signal, pageParam }) =>
      api<Page<KpiRecord>>(
        withQuery(`/kpis/${encodeURIComponent(key)}/records`, {
          ...params(query),
          limit: 50,
          cursor: pageParam,
        }),
        { signal },
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useKpiEntries(key: KpiKey, enabled: boolean) {
  return useQuery({
    queryKey: kpiKeysOf.entries(key),
    queryFn: ({ signal }) => api<Page<KpiEntry>>(`/kpis/${key}/entries`, { signal }),
    select: (page) => page.data,
    enabled,
  });
}

export function useSetTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kpi, target }: { kpi: Kpi; target: number | null }) =>
      api<Kpi>(`/kpis/${kpi.key}`, { method: 'PATCH', body: { target }, version: kpi.version }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: kpiKeysOf.all }),
  });
}

export function useAddEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, entry }: { key: KpiKey; entry: KpiEntryInput }) =>
      api<KpiEntry>(`/kpis/${key}/entries`, { method: 'POST', body: entry }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: kpiKeysOf.all }),
  });
}
