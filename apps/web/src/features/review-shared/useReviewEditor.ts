import { type GetInputPropsReturnType, type LooseKeys, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Review, ReviewPatch } from '@rapport/contracts';
import type { UseMutationResult } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import type { ReviewCoreValues } from './review-values';

export type ReviewUpdate = UseMutationResult<
  Review,
  Error,
  { id: string; version: number; patch: ReviewPatch }
>;

export type ReviewInputProps = GetInputPropsReturnType & { readOnly: boolean };

interface Options<V extends ReviewCoreValues> {
  review: Review;
  readOnly: boolean;
  update: ReviewUpdate;
  valuesOf: (review: Review) => V;
  patchOf: (values: V, review: Review) => ReviewPatch;
  fields: readonly string[];
  /** The form's own checks besides the title and the rule for a held review. */
  extraErrors?: (values: V) => FieldErrors;
  /** How many days after today a held-on date is still accepted (time-zone slack); 0 by default. */
  heldOnSlackDays?: number;
}

/**
 * The editing state every review form shares: the saved base, the local checks (title and the API's
 * rule for a held review, so every missing field is marked at once), saving only what changed, and
 * the 409 conflict with the option to load the latest version.
 */
export function useReviewEditor<V extends ReviewCoreValues>({
  review,
  readOnly,
  update,
  valuesOf,
  patchOf,
  fields,
  extraErrors,
  heldOnSlackDays = 0,
}: Options<V>) {
  const { t } = useTranslation(['reviews', 'common']);
  const [base, setBase] = useState(review);
  const [conflict, setConflict] = useState<Review | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<V>({ initialValues: valuesOf(review) });

  const localErrors = (values: V): FieldErrors => {
    const errors: FieldErrors = {};
    if (!values.title.trim()) errors.title = t('common:validation.required');
    Object.assign(errors, extraErrors?.(values));
    if (values.status !== 'done') return errors;
    if (!values.heldOn) errors.heldOn = t('form.heldOnRequired');
    else if (values.heldOn > dayjs().add(heldOnSlackDays, 'day').format('YYYY-MM-DD'))
      errors.heldOn = t('form.heldOnFuture');
    if (!values.findings.trim()) errors.findings = t('form.findingsRequired');
    return errors;
  };

  const show = (next: Review) => {
    setBase(next);
    form.setValues(valuesOf(next));
    form.resetDirty(valuesOf(next));
  };

  const save = (values: V) => {
    setFailure(null);
    const local = localErrors(values);
    if (Object.keys(local).length > 0) {
      form.setErrors(local);
      setFailure(t('form.fixErrors'));
      return;
    }
    const patch = patchOf(values, base);
    if (Object.keys(patch).length === 0) {
      notifications.show({ color: 'gray', message: t('form.nothingChanged') });
      return;
    }
    update.mutate(
      { id: base.id, version: base.version, patch },
      {
        onSuccess: (saved) => {
          show(saved);
          notifications.show({ color: 'green', message: t('form.saved') });
        },
        onError: (error) => {
          if (isApiError(error, 409) && error.problem?.current) {
            setConflict(error.problem.current as Review);
            return;
          }
          const plain: Record<string, unknown> = { ...(values as ReviewCoreValues) };
          const described = describeSubmitError(error, fields, plain);
          form.setErrors(described.fields);
          setFailure(described.general ?? t('form.fixErrors'));
        },
      },
    );
  };

  const loadLatest = () => {
    if (!conflict) return;
    show(conflict);
    form.clearErrors();
    setConflict(null);
  };

  // The status input follows only once the review is saved as done, so a refused attempt changes nothing.
  const markDone = () => save({ ...form.getValues(), status: 'done' });

  const input = (field: keyof V & string): ReviewInputProps => ({
    ...form.getInputProps(field as LooseKeys<V>),
    readOnly,
  });

  return {
    form,
    base,
    conflict,
    failure,
    save,
    loadLatest,
    markDone,
    input,
    pending: update.isPending,
  };
}

export type ReviewEditor<V extends ReviewCoreValues> = ReturnType<typeof useReviewEditor<V>>;
