import type { Material, MaterialReaders, RelationshipModelSummary } from '@rapport/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';

export interface MaterialFilters {
  q: string;
  pendingForMe: boolean;
  principleId?: string;
  modelId?: string;
}

export const materialKeys = {
  all: ['materials'] as const,
  lists: () => [...materialKeys.all, 'list'] as const,
  list: (filters: MaterialFilters) => [...materialKeys.lists(), filters] as const,
  detail: (id: string) => [...materialKeys.all, 'detail', id] as const,
  readers: (id: string) => [...materialKeys.detail(id), 'readers'] as const,
};

export const materialPath = (id: string) => `/materials/${encodeURIComponent(id)}`;

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export function useMaterials(filters: MaterialFilters) {
  return useQuery({
    queryKey: materialKeys.list(filters),
    queryFn: ({ signal }) =>
      api<Page<Material>>(
        withQuery('/materials', {
          q: filters.q.trim(),
          pendingForMe: filters.pendingForMe ? 'true' : undefined,
          principleId: filters.principleId,
          modelId: filters.modelId,
          sort: 'title',
          limit: 200,
        }),
        { signal },
      ),
    placeholderData: keepPreviousData,
    select: (page) => page.data,
  });
}

export function useMaterial(id: string) {
  return useQuery({
    queryKey: materialKeys.detail(id),
    queryFn: ({ signal }) => api<Material>(materialPath(id), { signal }),
    enabled: Boolean(id),
  });
}

export function useMaterialReaders(id: string) {
  return useQuery({
    queryKey: materialKeys.readers(id),
    queryFn: ({ signal }) => api<MaterialReaders>(`${materialPath(id)}/acknowledgements`, { signal }),
  });
}

/**
 * Every active relationship model, to attach a material to one. The key sits under the models' own
 * prefix so that their changes refresh it too.
 */
export function useModelOptions() {
  return useQuery({
    queryKey: ['relationship-models', 'material-options'],
    queryFn: ({ signal }) =>
      api<Page<RelationshipModelSummary>>(withQuery('/relationship-models', { sort: 'name', limit: 200 }), {
        signal,
      }),
    select: (page) => page.data,
  });
}
