import type { Lesson, LessonPatch } from '@rapport/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface LessonFilters {
  q: string;
  modelId: string | null;
  groupId: string | null;
  tag: string;
}

export const lessonKeys = {
  all: ['lessons'] as const,
  list: (filters: LessonFilters) => [...lessonKeys.all, 'list', filters] as const,
};

export function useLessons(filters: LessonFilters, enabled = true) {
  return useQuery({
    queryKey: lessonKeys.list(filters),
    queryFn: ({ signal }) =>
      api<Page<Lesson>>(
        withQuery('/lessons', {
          q: filters.q.trim(),
          modelId: filters.modelId,
          groupId: filters.groupId,
          tag: filters.tag.trim(),
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

export function useSaveLesson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ lesson, body }: { lesson: Lesson | null; body: Omit<LessonPatch, 'version'> }) =>
      lesson
        ? api<Lesson>(`/lessons/${encodeURIComponent(lesson.id)}`, {
            method: 'PATCH',
            body,
            version: lesson.version,
          })
        : api<Lesson>('/lessons', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: lessonKeys.all }),
  });
}
