import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';
import { stakeholderKeys } from '../stakeholders/stakeholder.queries';

export interface ImportRecord {
  id: string;
  fileName: string;
  createdAt: string;
  actorId: string | null;
  created: number;
  updated: number;
  skipped: number;
  undoneAt: string | null;
}

export const importKeys = { all: ['imports'] as const };

export function useImports() {
  return useQuery({
    queryKey: importKeys.all,
    queryFn: ({ signal }) =>
      api<{ data: ImportRecord[]; nextCursor: string | null }>(withQuery('/imports', { limit: 20 }), {
        signal,
      }),
    select: (page) => page.data,
  });
}

export function useImportsChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: importKeys.all });
    void queryClient.invalidateQueries({ queryKey: stakeholderKeys.all });
  };
}

export function useUndoImport() {
  const changed = useImportsChanged();
  return useMutation({
    mutationFn: (id: string) => api<ImportRecord>(`/imports/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: changed,
  });
}
