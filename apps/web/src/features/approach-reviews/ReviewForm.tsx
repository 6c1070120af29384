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
import { type Review, reviewStatuses, reviewTriggers } from '@rapport/contracts';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import { type ReviewFormValues, reviewFormFields, reviewPatchOf, reviewValuesOf } from './review.form';
import { useUpdateReview } from './review.mutations';

interface Props {
  review: Review;
  /** Without approach.write (or when archived) the review is shown in the same fields, read-only. */
  readOnly: boolean;
}

export function ReviewForm({ review, readOnly }: Props) {
  const { t } = useTranslation(['reviews', 'common']);
  const update = useUpdateReview();
  const [base, setBase] = useState(review);
  const [conflict, setConflict] = useState<Review | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ReviewFormValues>({ initialValues: reviewValuesOf(review) });

  /** The API's rule for a held review, checked here too so every missing field is marked at once. */
  const doneErrors = (values: ReviewFormValues): FieldErrors => {
    if (values.status !== 'done') return {};
    const errors: FieldErrors = {};
    if (!values.heldOn) errors.heldOn = t('form.heldOnRequired');
    else if (values.heldOn > dayjs().format('YYYY-MM-DD')) errors.heldOn = t('form.heldOnFuture');
    if (!values.findings.trim()) errors.findings = t('form.findingsRequired');
    return errors;
  };

  const save = (values: ReviewFormValues) => {
    setFailure(null);
    const local = {
      ...(values.title.trim() ? {} : { title: t('common:validation.required') }),
      ...doneErrors(values),
    };
    if (Object.keys(local).length > 0) {
      form.setErrors(local);
      setFailure(t('form.fixErrors'));
      return;
    }
    const patch = reviewPatchOf(values, base);
    if (Object.keys(patch).length === 0) {
      notifications.show({ color: 'gray', message: t('form.nothingChanged') });
      return;
    }
    update.mutate(
      { id: base.id, version: base.version, patch },
      {
        onSuccess: (saved) => {
          setBase(saved);
          form.setValues(reviewValuesOf(saved));
          form.resetDirty(reviewValuesOf(saved));
          notifications.show({ color: 'green', message: t('form.saved') });
        },
        onError: (error) => {
          if (isApiError(error, 409) && error.problem?.current) {
            setConflict(error.problem.current as Review);
            return;
          }
          const { fields, general } = describeSubmitError(error, reviewFormFields, { ...values });
          form.setErrors(fields);
          setFailure(general ?? t('form.fixErrors'));
        },
      },
    );
  };

  const loadLatest = () => {
    if (!conflict) return;
    setBase(conflict);
    form.setValues(reviewValuesOf(conflict));
    form.resetDirty(reviewValuesOf(conflict));
    form.clearErrors();
    setConflict(null);
  };

  // The status input follows only once the review is saved as done, so a refused attempt changes nothing.
  const markDone = () => save({ ...form.getValues(), status: 'done' });

  const input = <K extends keyof ReviewFormValues>(field: K) => ({ ...form.getInputProps(field), readOnly });

  return (
    <form onSubmit={form.onSubmit(save)} noValidate>
      <Stack gap="lg">
        {conflict && (
          <Alert color="orange" variant="light" title={t('form.conflictTitle')} role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('form.conflictBody')}</Text>
              <Button size="xs" color="orange" onClick={loadLatest}>
                {t('form.loadLatest')}
              </Button>
            </Stack>
          </Alert>
        )}
        <Fieldset legend={t('form.planning')}>
          <Stack>
            <TextInput label={t('fields.title')} required {...input('title')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('fields.trigger')}
                data={reviewTriggers.map((value) => ({ value, label: t(`trigger.${value}`) }))}
                allowDeselect={false}
                {...input('trigger')}
              />
              <Select
                label={t('fields.status')}
                data={reviewStatuses.map((value) => ({ value, label: t(`status.${value}`) }))}
                allowDeselect={false}
                {...input('status')}
              />
            </SimpleGrid>
            <Textarea label={t('fields.triggerNote')} autosize minRows={2} {...input('triggerNote')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput type="date" label={t('fields.scheduledOn')} {...input('scheduledOn')} />
              <TextInput
                type="date"
                label={t('fields.heldOn')}
                description={t('form.heldOnHint')}
                {...input('heldOn')}
              />
            </SimpleGrid>
            <TagsInput
              label={t('fields.participants')}
              description={readOnly ? undefined : t('form.tagsHint')}
              {...input('participants')}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('form.outcome')}>
          <Stack>
            <Textarea
              label={t('fields.findings')}
              description={t('form.findingsHint')}
              autosize
              minRows={3}
              {...input('findings')}
            />
            <Textarea label={t('fields.decisions')} autosize minRows={3} {...input('decisions')} />
            <Textarea label={t('fields.lessonsLearned')} autosize minRows={3} {...input('lessonsLearned')} />
            <Radio.Group label={t('fields.effective')} {...form.getInputProps('effective')}>
              <Group mt={4}>
                <Radio value="yes" label={t('effective.yes')} disabled={readOnly} />
                <Radio value="no" label={t('effective.no')} disabled={readOnly} />
                <Radio value="undecided" label={t('effective.undecided')} disabled={readOnly} />
              </Group>
            </Radio.Group>
            <TagsInput
              label={t('fields.communicatedTo')}
              description={readOnly ? undefined : t('form.communicatedHint')}
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
              <Button variant="light" color="green" onClick={markDone} loading={update.isPending}>
                {t('form.markDone')}
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
