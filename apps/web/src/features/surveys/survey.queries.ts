import type {
  PublicSurvey,
  Relationship,
  RelationshipSatisfaction,
  Survey,
  SurveyAnswer,
  SurveyInvitation,
  SurveyResults,
} from '@rapport/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, isApiError, withQuery } from '../../app/api';

export interface SurveyFilters {
  q: string;
  kind: Survey['kind'] | null;
  status: Survey['status'] | null;
}

export interface ResultFilters {
  from: string | null;
  to: string | null;
  groupId: string | null;
}

export const surveyKeys = {
  all: ['surveys'] as const,
  lists: () => [...surveyKeys.all, 'list'] as const,
  list: (filters: SurveyFilters) => [...surveyKeys.lists(), filters] as const,
  detail: (id: string) => [...surveyKeys.all, 'detail', id] as const,
  of: (id: string) => [...surveyKeys.all, 'of', id] as const,
  invitations: (id: string) => [...surveyKeys.of(id), 'invitations'] as const,
  results: (id: string, filters: ResultFilters) => [...surveyKeys.of(id), 'results', filters] as const,
  answers: (id: string, filters: ResultFilters) => [...surveyKeys.of(id), 'answers', filters] as const,
  satisfaction: (relationshipId: string) => [...surveyKeys.all, 'satisfaction', relationshipId] as const,
  public: (token: string) => ['public-survey', token] as const,
};

export const surveyPath = (id: string) => `/surveys/${encodeURIComponent(id)}`;

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export function useSurveys(filters: SurveyFilters, enabled = true) {
  return useQuery({
    queryKey: surveyKeys.list(filters),
    queryFn: ({ signal }) =>
      api<Page<Survey>>(
        withQuery('/surveys', {
          q: filters.q.trim(),
          kind: filters.kind,
          status: filters.status,
          sort: '-createdAt',
          limit: 200,
        }),
        { signal },
      ),
    placeholderData: keepPreviousData,
    select: (page) => page.data,
    enabled,
  });
}

export function useSurvey(id: string) {
  return useQuery({
    queryKey: surveyKeys.detail(id),
    queryFn: ({ signal }) => api<Survey>(surveyPath(id), { signal }),
    enabled: Boolean(id),
  });
}

export function useInvitations(id: string) {
  return useQuery({
    queryKey: surveyKeys.invitations(id),
    queryFn: ({ signal }) =>
      api<Page<SurveyInvitation>>(withQuery(`${surveyPath(id)}/invitations`, { limit: 200 }), { signal }),
    select: (page) => page.data,
  });
}

const periodParams = (filters: ResultFilters) => ({
  from: filters.from,
  to: filters.to,
  groupId: filters.groupId,
});

export function useSurveyResults(id: string, filters: ResultFilters) {
  return useQuery({
    queryKey: surveyKeys.results(id, filters),
    queryFn: ({ signal }) =>
      api<SurveyResults>(withQuery(`${surveyPath(id)}/results`, periodParams(filters)), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSurveyAnswers(id: string, filters: ResultFilters, enabled: boolean) {
  return useQuery({
    queryKey: surveyKeys.answers(id, filters),
    queryFn: ({ signal }) =>
      api<Page<SurveyAnswer>>(
        withQuery(`${surveyPath(id)}/answers`, { ...periodParams(filters), limit: 200 }),
        { signal },
      ),
    select: (page) => page.data,
    enabled,
  });
}

/** The stakeholder's own view of a relationship beside Rapport's health (two-sided health). */
export function useRelationshipSatisfaction(relationshipId: string) {
  return useQuery({
    queryKey: surveyKeys.satisfaction(relationshipId),
    queryFn: ({ signal }) =>
      api<RelationshipSatisfaction>(`/relationships/${encodeURIComponent(relationshipId)}/satisfaction`, {
        signal,
      }),
  });
}

export type PublicState = 'answered' | 'expired' | 'closed' | 'notFound' | 'tooMany' | 'error';

/** Why a survey link cannot be used, from the API's answer (410 names the reason in the problem type). */
export function publicStateOf(error: unknown): PublicState {
  if (isApiError(error, 404)) return 'notFound';
  if (isApiError(error, 429)) return 'tooMany';
  if (isApiError(error, 410)) {
    const type = error.problem?.type ?? '';
    if (type.endsWith('survey-answered')) return 'answered';
    if (type.endsWith('survey-closed')) return 'closed';
    return 'expired';
  }
  return 'error';
}

export function usePublicSurvey(token: string) {
  return useQuery({
    queryKey: surveyKeys.public(token),
    queryFn: ({ signal }) => api<PublicSurvey>(`/public/surveys/${encodeURIComponent(token)}`, { signal }),
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** Active relationships whose name matches, for the invite dialog. */
export function useRelationshipSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...surveyKeys.all, 'relationship-search', q] as const,
    queryFn: ({ signal }) =>
      api<Page<Relationship>>(withQuery('/relationships', { q: q.trim(), status: 'active', limit: 20 }), {
        signal,
      }),
    placeholderData: keepPreviousData,
    select: (page) => page.data.map((r) => ({ value: r.id, label: r.name })),
    enabled,
  });
}
