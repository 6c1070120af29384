import type { OrgUnit, OrgUnitCreate, OrgUnitPatch } from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { approachKeys } from '../approach/approach.queries';
import { orgUnitKeys } from './org-unit.queries';

const path = (id: string) => `/org-units/${encodeURIComponent(id)}`;

/** Units feed the pickers, the tree and the overview's count of units. */
function useUnitsChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: orgUnitKeys.all });
    void queryClient.invalidateQueries({ queryKey: approachKeys.all });
  };
}

export function useCreateOrgUnit() {
  const changed = useUnitsChanged();
  return useMutation({
    mutationFn: (body: OrgUnitCreate) => api<OrgUnit>('/org-units', { method: 'POST', body }),
    onSuccess: changed,
  });
}

export function useUpdateOrgUnit() {
  const changed = useUnitsChanged();
  return useMutation({
    mutationFn: ({ id, version, patch }: { id: string; version: number; patch: OrgUnitPatch }) =>
      api<OrgUnit>(path(id), { method: 'PATCH', body: patch, version }),
    onSuccess: changed,
  });
}

export function useArchiveOrgUnit() {
  const changed = useUnitsChanged();
  return useMutation({
    mutationFn: ({ unit, restore }: { unit: OrgUnit; restore: boolean }) =>
      restore
        ? api<OrgUnit>(`${path(unit.id)}/restore`, { method: 'POST', version: unit.version })
        : api<OrgUnit>(path(unit.id), { method: 'DELETE', version: unit.version }),
    onSuccess: changed,
  });
}
