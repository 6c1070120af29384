import type {
  InvitationCreate,
  InvitationsCreated,
  InvitationWithLink,
  PublicAnswer,
  Survey,
  SurveyCreate,
  SurveyPatch,
} from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { surveyKeys, surveyPath } from './survey.queries';

function useSurveySaved() {
  const queryClient = useQueryClient();
  return (survey: Survey) => {
    queryClient.setQueryData(surveyKeys.detail(survey.id), survey);
    void queryClient.invalidateQueries({ queryKey: surveyKeys.lists() });
  };
}

export function useCreateSurvey() {
  const saved = useSurveySaved();
  return useMutation({
    mutationFn: (body: Partial<SurveyCreate> & Pick<SurveyCreate, 'title' | 'kind'>) =>
      api<Survey>('/surveys', { method: 'POST', body }),
    onSuccess: saved,
  });
}

export function useUpdateSurvey() {
  const saved = useSurveySaved();
  return useMutation({
    mutationFn: ({ id, version, patch }: { id: string; version: number; patch: SurveyPatch }) =>
      api<Survey>(surveyPath(id), { method: 'PATCH', body: patch, version }),
    onSuccess: saved,
  });
}

export function useArchiveSurvey() {
  const saved = useSurveySaved();
  return useMutation({
    mutationFn: ({ survey, restore }: { survey: Survey; restore: boolean }) =>
      restore
        ? api<Survey>(`${surveyPath(survey.id)}/restore`, { method: 'POST', version: survey.version })
        : api<Survey>(surveyPath(survey.id), { method: 'DELETE', version: survey.version }),
    onSuccess: saved,
  });
}

export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ surveyId, body }: { surveyId: string; body: InvitationCreate }) =>
      api<InvitationsCreated>(`${surveyPath(surveyId)}/invitations`, { method: 'POST', body }),
    onSuccess: (_created, { surveyId, body }) => {
      void queryClient.invalidateQueries({ queryKey: surveyKeys.of(surveyId) });
      if (body.relationshipId)
        void queryClient.invalidateQueries({ queryKey: surveyKeys.satisfaction(body.relationshipId) });
    },
  });
}

export function useResend(surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<InvitationWithLink>(`${surveyPath(surveyId)}/invitations/${encodeURIComponent(id)}/resend`, {
        method: 'POST',
        version,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: surveyKeys.of(surveyId) }),
  });
}

export function useAnswerSurvey(token: string) {
  return useMutation({
    mutationFn: (body: PublicAnswer) =>
      api<{ status: 'answered'; answeredAt: string }>(`/public/surveys/${encodeURIComponent(token)}`, {
        method: 'POST',
        body,
      }),
  });
}
