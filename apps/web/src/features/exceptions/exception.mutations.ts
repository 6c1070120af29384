import type { Exception, ExceptionCreate, ExceptionPatch, ExceptionStatus } from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { relationshipKeys } from '../relationships/relationship.queries';
import { exceptionKeys, exceptionPath } from './exception.queries';

export type RaiseBody = Partial<ExceptionCreate> & Pick<ExceptionCreate, 'title' | 'type' | 'severity'>;

/** After any change: the register, the record and its relationship's health are stale. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (saved: Exception) => {
    queryClient.setQueryData(exceptionKeys.detail(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: exceptionKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: exceptionKeys.transitions(saved.id) });
    if (saved.relationshipId) {
      void queryClient.invalidateQueries({ queryKey: relationshipKeys.detail(saved.relationshipId) });
    }
  };
}

/** A 409 means someone else changed it: reload the record so the user sees what is there now. */
function useReloadOnError(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: exceptionKeys.detail(id) });
}

export function useRaiseException() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: RaiseBody) => api<Exception>('/exceptions', { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useUpdateException(exception: Exception) {
  const refresh = useRefresh();
  const reload = useReloadOnError(exception.id);
  return useMutation({
    mutationFn: (patch: ExceptionPatch) =>
      api<Exception>(exceptionPath(exception.id), {
        method: 'PATCH',
        body: patch,
        version: exception.version,
      }),
    onSuccess: refresh,
    onError: reload,
  });
}

export function useTransitionException(exception: Exception) {
  const refresh = useRefresh();
  const reload = useReloadOnError(exception.id);
  return useMutation({
    mutationFn: (body: { to: ExceptionStatus; note: string; resolution?: string }) =>
      api<Exception>(`${exceptionPath(exception.id)}/transitions`, {
        method: 'POST',
        body,
        version: exception.version,
      }),
    onSuccess: refresh,
    onError: reload,
  });
}

export function useProposeModelUpdate(exception: Exception) {
  const refresh = useRefresh();
  const reload = useReloadOnError(exception.id);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) =>
      api<Exception>(`${exceptionPath(exception.id)}/model-proposal`, {
        method: 'POST',
        body: { note },
        version: exception.version,
      }),
    onSuccess: (saved) => {
      refresh(saved);
      void queryClient.invalidateQueries({ queryKey: ['relationship-models'] });
    },
    onError: reload,
  });
}
