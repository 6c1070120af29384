import type { CultureAssessment, CultureAssessmentCreate, CultureAssessmentPatch } from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { approachKeys } from '../approach/approach.queries';
import { cultureKeys } from './culture.queries';

const path = (id: string) => `/culture-assessments/${encodeURIComponent(id)}`;

/** An assessment changes the list and the overview's "analyse" activity. */
function useAssessmentSaved() {
  const queryClient = useQueryClient();
  return (assessment: CultureAssessment) => {
    queryClient.setQueryData(cultureKeys.detail(assessment.id), assessment);
    void queryClient.invalidateQueries({ queryKey: cultureKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: approachKeys.all });
  };
}

export function useCreateCultureAssessment() {
  const saved = useAssessmentSaved();
  return useMutation({
    mutationFn: (body: CultureAssessmentCreate) =>
      api<CultureAssessment>('/culture-assessments', { method: 'POST', body }),
    onSuccess: saved,
  });
}

export function useUpdateCultureAssessment() {
  const saved = useAssessmentSaved();
  return useMutation({
    mutationFn: ({ id, version, patch }: { id: string; version: number; patch: CultureAssessmentPatch }) =>
      api<CultureAssessment>(path(id), { method: 'PATCH', body: patch, version }),
    onSuccess: saved,
  });
}

export function useArchiveCultureAssessment() {
  const saved = useAssessmentSaved();
  return useMutation({
    mutationFn: ({ assessment, restore }: { assessment: CultureAssessment; restore: boolean }) =>
      restore
        ? api<CultureAssessment>(`${path(assessment.id)}/restore`, {
            method: 'POST',
            version: assessment.version,
          })
        : api<CultureAssessment>(path(assessment.id), { method: 'DELETE', version: assessment.version }),
    onSuccess: saved,
  });
}
