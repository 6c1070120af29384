import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type Improvement, improvementStatuses } from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../app/api';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import { useUserOptions } from '../admin/user.queries';
import { improvementKeys } from '../approach-reviews/review.queries';
import type { Status } from './improvement.queries';

/** The fields the server may name in its errors, each shown at its input. */
const fields = [
  'title',
  'description',
  'ownerId',
  'status',
  'dueOn',
  'expectedBenefit',
  'realisedBenefit',
  'sourceType',
  'sourceId',
];

interface DialogValues {
  title: string;
  description: string;
  ownerId: string | null;
  status: Status;
  dueOn: string;
  expectedBenefit: string;
  realisedBenefit: string;
  sourceType: 'manual' | 'kpi';
  sourceId: string;
}

export function ImprovementDialog({
  improvement,
  opened,
  onClose,
}: {
  improvement: Improvement | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['improvement', 'reviews', 'common']);
  const users = useUserOptions();
  const queryClient = useQueryClient();
  const blank: DialogValues = {
    title: '',
    description: '',
    ownerId: null,
    status: 'proposed',
    dueOn: '',
    expectedBenefit: '',
    realisedBenefit: '',
    sourceType: 'manual',
    sourceId: '',
  };
  const [values, setValues] = useState<DialogValues>(blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens on another initiative
  useEffect(() => {
    if (!opened) return;
    setValues(
      improvement
        ? {
            ...blank,
            title: improvement.title,
            description: improvement.description,
            ownerId: improvement.ownerId,
            status: improvement.status,
            dueOn: improvement.dueOn ?? '',
            expectedBenefit: improvement.expectedBenefit,
            realisedBenefit: improvement.realisedBenefit,
          }
        : blank,
    );
    setErrors({});
    setGeneral(null);
  }, [opened, improvement]);

  const save = useMutation({
    mutationFn: () => {
      const common = {
        title: values.title.trim(),
        description: values.description,
        ownerId: values.ownerId,
        status: values.status,
        dueOn: values.dueOn || null,
        expectedBenefit: values.expectedBenefit,
        realisedBenefit: values.realisedBenefit,
      };
      return improvement
        ? api<Improvement>(`/improvements/${encodeURIComponent(improvement.id)}`, {
            method: 'PATCH',
            body: common,
            version: improvement.version,
          })
        : api<Improvement>('/improvements', {
            method: 'POST',
            body: {
              ...common,
              sourceType: values.sourceType,
              sourceId: values.sourceType === 'kpi' && values.sourceId.trim() ? values.sourceId.trim() : null,
            },
          });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: improvementKeys.all });
      onClose();
    },
    onError: (error) => {
      if (isApiError(error, 409)) void queryClient.invalidateQueries({ queryKey: improvementKeys.all });
      const described = describeSubmitError(error, fields, { ...values });
      setErrors(described.fields);
      setGeneral(isApiError(error, 409) ? t('register.conflict') : described.general);
    },
  });
  const set = <K extends keyof DialogValues>(key: K, value: DialogValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={improvement ? t('register.editTitle') : t('register.newTitle')}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!values.title.trim()) {
            setErrors({ title: t('common:validation.required') });
            return;
          }
          save.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('register.fields.title')}
            value={values.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
          />
          <Textarea
            label={t('register.fields.description')}
            value={values.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
          />
          {!improvement && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('register.fields.source')}
                data={(['manual', 'kpi'] as const).map((value) => ({ value, label: t(`source.${value}`) }))}
                value={values.sourceType}
                onChange={(value) => value && set('sourceType', value as 'manual' | 'kpi')}
                allowDeselect={false}
                error={errors.sourceType}
                description={t('register.sourceHint')}
              />
              {values.sourceType === 'kpi' && (
                <TextInput
                  label={t('register.fields.kpi')}
                  value={values.sourceId}
                  onChange={(event) => set('sourceId', event.currentTarget.value)}
                  error={errors.sourceId}
                />
              )}
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('register.fields.owner')}
              placeholder={t('reviews:improvements.noOwner')}
              data={(users.data ?? [])
                .filter((user) => !user.deactivatedAt)
                .map((user) => ({ value: user.id, label: user.name }))}
              value={values.ownerId}
              onChange={(value) => set('ownerId', value)}
              error={errors.ownerId}
              searchable
              clearable
            />
            <Select
              label={t('register.fields.status')}
              data={improvementStatuses.map((value) => ({
                value,
                label: t(`reviews:improvementStatus.${value}`),
              }))}
              value={values.status}
              onChange={(value) => value && set('status', value as Status)}
              allowDeselect={false}
              error={errors.status}
            />
            <TextInput
              type="date"
              label={t('register.fields.dueOn')}
              value={values.dueOn}
              onChange={(event) => set('dueOn', event.currentTarget.value)}
              error={errors.dueOn}
            />
          </SimpleGrid>
          <Textarea
            label={t('register.fields.expectedBenefit')}
            value={values.expectedBenefit}
            onChange={(event) => set('expectedBenefit', event.currentTarget.value)}
            error={errors.expectedBenefit}
            autosize
            minRows={2}
          />
          <Textarea
            label={t('register.fields.realisedBenefit')}
            description={t('register.realisedHint')}
            value={values.realisedBenefit}
            onChange={(event) => set('realisedBenefit', event.currentTarget.value)}
            error={errors.realisedBenefit}
            autosize
            minRows={2}
          />
          {general && (
            <Alert color="red" variant="light" role="alert">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
