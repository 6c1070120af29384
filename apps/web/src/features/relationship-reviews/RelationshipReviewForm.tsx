import { Button, Group, Select, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Lesson, Review, ReviewPatch } from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { type FieldErrors, problemText } from '../../app/forms';
import { reviewKeys, reviewPath } from '../approach-reviews/review.queries';
import { useCan } from '../auth/auth.queries';
import { lessonKeys } from '../lessons/lesson.queries';
import { relationshipKeys } from '../relationships/relationship.queries';
import { ReviewFormFrame, ReviewOutcomeFields, ReviewPlanningFields } from '../review-shared/ReviewFormParts';
import { useReviewEditor } from '../review-shared/useReviewEditor';
import {
  type RelationshipReviewValues,
  relationshipReviewFields,
  relationshipReviewPatchOf,
  relationshipReviewValuesOf,
} from './relationship-review.form';

function useSaveReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, patch }: { id: string; version: number; patch: ReviewPatch }) =>
      api<Review>(reviewPath(id), { method: 'PATCH', body: patch, version }),
    onSuccess: (review) => {
      queryClient.setQueryData(reviewKeys.detail(review.id), review);
      void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
      // Holding a review moves the relationship's next review date and health.
      if (review.relationshipId)
        void queryClient.invalidateQueries({ queryKey: relationshipKeys.detail(review.relationshipId) });
    },
  });
}

/** One click: the review's lessons learned become a searchable lesson on the relationship's model. */
function SaveAsLesson({ review }: { review: Review }) {
  const { t } = useTranslation(['improvement']);
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<Lesson | null>(null);
  const create = useMutation({
    mutationFn: () =>
      api<Lesson>('/lessons', {
        method: 'POST',
        body: {
          title: t('form.lessonTitle', { title: review.title }).slice(0, 200),
          sourceReviewId: review.id,
        },
      }),
    onSuccess: (lesson) => {
      setSaved(lesson);
      void queryClient.invalidateQueries({ queryKey: lessonKeys.all });
      notifications.show({ color: 'green', message: t('form.lessonSaved') });
    },
    onError: (error) => notifications.show({ color: 'red', message: problemText(error) }),
  });
  if (saved)
    return (
      <Button
        component={Link}
        to={`/lessons?q=${encodeURIComponent(saved.title)}`}
        variant="subtle"
        size="xs"
      >
        {t('form.openLesson')}
      </Button>
    );
  return (
    <Button
      variant="light"
      size="xs"
      onClick={() => create.mutate()}
      loading={create.isPending}
      disabled={!review.lessonsLearned.trim()}
    >
      {t('form.saveAsLesson')}
    </Button>
  );
}

interface Props {
  review: Review;
  readOnly: boolean;
}

/** The record of a relationship review: who took part, what it found, how satisfied, what was decided and told. */
export function RelationshipReviewForm({ review, readOnly }: Props) {
  const { t } = useTranslation(['improvement']);
  const canLesson = useCan('lessons.write');
  const editor = useReviewEditor({
    review,
    readOnly,
    update: useSaveReview(),
    valuesOf: relationshipReviewValuesOf,
    patchOf: relationshipReviewPatchOf,
    fields: relationshipReviewFields,
    extraErrors: (values: RelationshipReviewValues): FieldErrors =>
      values.periodFrom && values.periodTo && values.periodTo < values.periodFrom
        ? { periodTo: t('form.periodOrder') }
        : {},
    // A held-on date one day ahead is accepted (time zones).
    heldOnSlackDays: 1,
  });
  const { input } = editor;

  return (
    <ReviewFormFrame editor={editor} readOnly={readOnly} label={t('form.label')} doneLabel={t('form.hold')}>
      <ReviewPlanningFields
        input={input}
        readOnly={readOnly}
        triggerNoteRows={1}
        extraDates={
          <>
            <TextInput type="date" label={t('fields.periodFrom')} {...input('periodFrom')} />
            <TextInput type="date" label={t('fields.periodTo')} {...input('periodTo')} />
          </>
        }
      />
      <ReviewOutcomeFields
        input={input}
        readOnly={readOnly}
        textRows={2}
        effectiveLabel={t('fields.effective')}
        afterFindings={
          <Select
            label={t('fields.satisfaction')}
            description={t('form.satisfactionHint')}
            placeholder={t('form.notRated')}
            data={[1, 2, 3, 4, 5].map((value) => ({
              value: String(value),
              label: t(`satisfaction.${value as 1 | 2 | 3 | 4 | 5}`),
            }))}
            clearable
            w={260}
            {...input('satisfaction')}
          />
        }
        afterLessons={canLesson && <Group>{<SaveAsLesson review={editor.base} />}</Group>}
      />
    </ReviewFormFrame>
  );
}
