import type {
  AgreementStatus,
  DocumentVersionSummary,
  Locale,
  ModelCoverage,
  ModelTemplate,
  RelationshipModel,
  RelationshipModelSummary,
  RelationshipModelVersion,
} from '@rapport/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';

export interface ModelFilters {
  q: string;
  status: AgreementStatus | null;
  inForce: 'true' | 'false' | null;
  groupId: string | null;
}

export const emptyModelFilters: ModelFilters = { q: '', status: null, inForce: null, groupId: null };

export const modelKeys = {
  all: ['relationship-models'] as const,
  lists: () => [...modelKeys.all, 'list'] as const,
  list: (filters: ModelFilters) => [...modelKeys.lists(), filters] as const,
  coverage: () => [...modelKeys.all, 'coverage'] as const,
  templates: (locale: Locale) => [...modelKeys.all, 'templates', locale] as const,
  detail: (id: string) => [...modelKeys.all, 'detail', id] as const,
  versions: (id: string) => [...modelKeys.detail(id), 'versions'] as const,
  version: (id: string, number: number) => [...modelKeys.versions(id), number] as const,
};

export const modelPath = (id: string) => `/relationship-models/${encodeURIComponent(id)}`;

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export function useModels(filters: ModelFilters) {
  return useQuery({
    queryKey: modelKeys.list(filters),
    queryFn: ({ signal }) =>
      api<Page<RelationshipModelSummary>>(
        withQuery('/relationship-models', {
          q: filters.q.trim(),
          status: filters.status,
          inForce: filters.inForce,
          groupId: filters.groupId,
          sort: 'name',
          limit: 200,
        }),
        { signal },
      ),
    placeholderData: keepPreviousData,
    select: (page) => page.data,
  });
}

export function useModel(id: string | undefined) {
  return useQuery({
    queryKey: modelKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<RelationshipModel>(modelPath(id ?? ''), { signal }),
    enabled: Boolean(id),
  });
}

/** The shipped examples in the interface language; they only change with a new release. */
export function useModelTemplates(locale: Locale) {
  return useQuery({
    queryKey: modelKeys.templates(locale),
    queryFn: ({ signal }) =>
      api<{ data: ModelTemplate[] }>(withQuery('/relationship-models/templates', { locale }), { signal }),
    select: (list) => list.data,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useModelCoverage() {
  return useQuery({
    queryKey: modelKeys.coverage(),
    queryFn: ({ signal }) => api<ModelCoverage>('/relationship-models/coverage', { signal }),
  });
}

export function useModelVersions(id: string) {
  return useQuery({
    queryKey: modelKeys.versions(id),
    queryFn: ({ signal }) => api<{ data: DocumentVersionSummary[] }>(`${modelPath(id)}/versions`, { signal }),
    select: (list) => list.data,
  });
}

/** One version with its journey; a version never changes once it is no longer the newest draft. */
export function useModelVersion(id: string, number: number | null) {
  return useQuery({
    queryKey: modelKeys.version(id, number ?? 0),
    queryFn: ({ signal }) => api<RelationshipModelVersion>(`${modelPath(id)}/versions/${number}`, { signal }),
    enabled: number !== null,
  });
}
