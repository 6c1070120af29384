import {
  Alert,
  Button,
  Fieldset,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  type Lesson,
  type Review,
  type ReviewPatch,
  reviewStatuses,
  reviewTriggers,
} from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, isApiError } from '../../app/api';
import { describeSubmitError, type FieldErrors, problemText } from '../../app/forms';
import { reviewKeys, reviewPath } from '../approach-reviews/review.queries';
import { useCan } from '../auth/auth.queries';
import { lessonKeys } from '../lessons/lesson.queries';
import { relationshipKeys } from '../relationships/relationship.queries';
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
  const { t } = useTranslation(['improvement', 'reviews', 'common']);
  const update = useSaveReview();
  const canLesson = useCan('lessons.write');
  const [base, setBase] = useState(review);
  const [conflict, setConflict] = useState<Review | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<RelationshipReviewValues>({ initialValues: relationshipReviewValuesOf(review) });

  const localErrors = (values: RelationshipReviewValues): FieldErrors => {
    const errors: FieldErrors = {};
    if (!values.title.trim()) errors.title = t('common:validation.required');
    if (values.periodFrom && values.periodTo && values.periodTo < values.periodFrom)
      errors.periodTo = t('form.periodOrder');
    if (values.status !== 'done') return errors;
    if (!values.heldOn) errors.heldOn = t('reviews:form.heldOnRequired');
    else if (values.heldOn > dayjs().add(1, 'day').format('YYYY-MM-DD'))
      errors.heldOn = t('reviews:form.heldOnFuture');
    if (!values.findings.trim()) errors.findings = t('reviews:form.findingsRequired');
    return errors;
  };

  const save = (values: RelationshipReviewValues) => {
    setFailure(null);
    const local = localErrors(values);
    if (Object.keys(local).length > 0) {
      form.setErrors(local);
      setFailure(t('reviews:form.fixErrors'));
      return;
    }
    const patch = relationshipReviewPatchOf(values, base);
    if (Object.keys(patch).length === 0) {
      notifications.show({ color: 'gray', message: t('reviews:form.nothingChanged') });
      return;
    }
    update.mutate(
      { id: base.id, version: base.version, patch },
      {
        onSuccess: (saved) => {
          setBase(saved);
          form.setValues(relationshipReviewValuesOf(saved));
          form.resetDirty(relationshipReviewValuesOf(saved));
          notifications.show({ color: 'green', message: t('reviews:form.saved') });
        },
        onError: (error) => {
          if (isApiError(error, 409) && error.problem?.current) {
            setConflict(error.problem.current as Review);
            return;
          }
          const { fields, general } = describeSubmitError(error, relationshipReviewFields, { ...values });
          form.setErrors(fields);
          setFailure(general ?? t('reviews:form.fixErrors'));
        },
      },
    );
  };

  const loadLatest = () => {
    if (!conflict) return;
    setBase(conflict);
    form.setValues(relationshipReviewValuesOf(conflict));
    form.resetDirty(relationshipReviewValuesOf(conflict));
    form.clearErrors();
    setConflict(null);
  };

  const hold = () => save({ ...form.getValues(), status: 'done' });
  const input = <K extends keyof RelationshipReviewValues>(field: K) => ({
    ...form.getInputProps(field),
    readOnly,
  });

  return (
    <form onSubmit={form.onSubmit(save)} noValidate aria-label={t('form.label')}>
      <Stack gap="lg">
        {conflict && (
          <Alert color="orange" variant="light" title={t('reviews:form.conflictTitle')} role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('reviews:form.conflictBody')}</Text>
              <Button size="xs" color="orange" onClick={loadLatest}>
                {t('reviews:form.loadLatest')}
              </Button>
            </Stack>
          </Alert>
        )}
        <Fieldset legend={t('reviews:form.planning')}>
          <Stack>
            <TextInput label={t('reviews:fields.title')} required {...input('title')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('reviews:fields.trigger')}
                data={reviewTriggers.map((value) => ({ value, label: t(`reviews:trigger.${value}`) }))}
                allowDeselect={false}
                {...input('trigger')}
              />
              <Select
                label={t('reviews:fields.status')}
                data={reviewStatuses.map((value) => ({ value, label: t(`reviews:status.${value}`) }))}
                allowDeselect={false}
                {...input('status')}
              />
            </SimpleGrid>
            <Textarea
              label={t('reviews:fields.triggerNote')}
              autosize
              minRows={1}
              {...input('triggerNote')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput type="date" label={t('fields.periodFrom')} {...input('periodFrom')} />
              <TextInput type="date" label={t('fields.periodTo')} {...input('periodTo')} />
              <TextInput type="date" label={t('reviews:fields.scheduledOn')} {...input('scheduledOn')} />
              <TextInput
                type="date"
                label={t('reviews:fields.heldOn')}
                description={t('reviews:form.heldOnHint')}
                {...input('heldOn')}
              />
            </SimpleGrid>
            <TagsInput
              label={t('reviews:fields.participants')}
              description={readOnly ? undefined : t('reviews:form.tagsHint')}
              {...input('participants')}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('reviews:form.outcome')}>
          <Stack>
            <Textarea
              label={t('reviews:fields.findings')}
              description={t('reviews:form.findingsHint')}
              autosize
              minRows={3}
              {...input('findings')}
            />
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
            <Textarea label={t('reviews:fields.decisions')} autosize minRows={2} {...input('decisions')} />
            <Textarea
              label={t('reviews:fields.lessonsLearned')}
              autosize
              minRows={2}
              {...input('lessonsLearned')}
            />
            {canLesson && <Group>{<SaveAsLesson review={base} />}</Group>}
            <Radio.Group label={t('fields.effective')} {...form.getInputProps('effective')}>
              <Group mt={4}>
                <Radio value="yes" label={t('reviews:effective.yes')} disabled={readOnly} />
                <Radio value="no" label={t('reviews:effective.no')} disabled={readOnly} />
                <Radio value="undecided" label={t('reviews:effective.undecided')} disabled={readOnly} />
              </Group>
            </Radio.Group>
            <TagsInput
              label={t('reviews:fields.communicatedTo')}
              description={readOnly ? undefined : t('reviews:form.communicatedHint')}
              {...input('communicatedTo')}
            />
          </Stack>
        </Fieldset>
        {failure && (
          <Alert color="red" variant="light" role="alert">
            {failure}
          </Alert>
        )}
        {!readOnly && (
          <Group justify="flex-end">
            {base.status === 'planned' && (
              <Button variant="light" color="green" onClick={hold} loading={update.isPending}>
                {t('form.hold')}
              </Button>
            )}
            <Button type="submit" loading={update.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
