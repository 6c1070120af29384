import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { Principle, PrinciplePatch } from '@rapport/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import { MarkdownEditor } from './MarkdownEditor';
import { useCreatePrinciple, useUpdatePrinciple } from './principle.mutations';
import { principleKeys } from './principle.queries';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The principle to edit (its newest version); without it a new principle is written. */
  principle?: Principle;
  onSaved?: (principle: Principle) => void;
}

const fields = ['title', 'body', 'nextReviewOn', 'changeNote'];

interface Values {
  title: string;
  body: string;
  nextReviewOn: string;
  changeNote: string;
}

const valuesOf = (principle?: Principle): Values => ({
  title: principle?.title ?? '',
  body: principle?.body ?? '',
  nextReviewOn: principle?.nextReviewOn ?? '',
  changeNote: '',
});

/** Only what changed is sent, so a new review date alone never starts a new version. */
function patchOf(values: Values, principle: Principle): PrinciplePatch {
  const patch: PrinciplePatch = {};
  if (values.title.trim() !== principle.title) patch.title = values.title.trim();
  if (values.body !== principle.body) patch.body = values.body;
  if ((values.nextReviewOn || null) !== principle.nextReviewOn)
    patch.nextReviewOn = values.nextReviewOn || null;
  if (values.changeNote.trim() && (patch.title !== undefined || patch.body !== undefined))
    patch.changeNote = values.changeNote.trim();
  return patch;
}

export function PrincipleFormModal({ opened, onClose, principle, onSaved }: Props) {
  const { t } = useTranslation(['principles', 'common']);
  const queryClient = useQueryClient();
  const create = useCreatePrinciple();
  const update = useUpdatePrinciple();
  const [values, setValues] = useState<Values>(valuesOf(principle));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  /** The record as someone else saved it meanwhile; the user's own text stays until they load it. */
  const [latest, setLatest] = useState<Principle | null>(null);

  useEffect(() => {
    if (!opened) return;
    setValues(valuesOf(principle));
    setErrors({});
    setGeneral(null);
    setLatest(null);
  }, [opened, principle]);

  const set = (field: keyof Values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const startsNewVersion = principle?.status === 'agreed';

  const submit = () => {
    if (!values.title.trim()) {
      setErrors({ title: t('common:validation.required') });
      return;
    }
    const handlers = {
      onSuccess: (saved: Principle) => {
        onSaved?.(saved);
        onClose();
      },
      onError: (error: unknown) => {
        if (isApiError(error, 409) && principle && error.problem?.current) {
          setLatest(error.problem.current as Principle);
          return;
        }
        const described = describeSubmitError(error, fields, { ...values });
        setErrors(described.fields);
        setGeneral(described.general);
      },
    };
    if (!principle) {
      create.mutate(
        { title: values.title.trim(), body: values.body, nextReviewOn: values.nextReviewOn || null },
        handlers,
      );
      return;
    }
    const patch = patchOf(values, principle);
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    update.mutate({ id: principle.id, version: principle.version, patch }, handlers);
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={principle ? t('form.editTitle', { number: principle.currentVersion }) : t('form.newTitle')}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          {startsNewVersion && principle && (
            <Alert color="blue" variant="light" title={t('form.newVersionTitle')}>
              {t('form.newVersionBody', {
                next: principle.currentVersion + 1,
                agreed: principle.currentVersion,
              })}
            </Alert>
          )}
          {principle?.status === 'draft' && principle.agreedVersion !== null && (
            <Text size="sm" c="dimmed">
              {t('form.editingDraft', { number: principle.currentVersion, agreed: principle.agreedVersion })}
            </Text>
          )}
          <TextInput
            label={t('fields.title')}
            value={values.title}
            onChange={(event) => set('title')(event.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
          />
          <MarkdownEditor
            label={t('fields.body')}
            value={values.body}
            onChange={set('body')}
            error={errors.body}
          />
          <TextInput
            type="date"
            label={t('fields.nextReviewOn')}
            description={t('form.nextReviewHint')}
            value={values.nextReviewOn}
            onChange={(event) => set('nextReviewOn')(event.currentTarget.value)}
            error={errors.nextReviewOn}
            w={320}
          />
          {principle && (
            <TextInput
              label={t('fields.changeNote')}
              description={t('form.changeNoteHint')}
              value={values.changeNote}
              onChange={(event) => set('changeNote')(event.currentTarget.value)}
              error={errors.changeNote}
            />
          )}
          {latest && (
            <Alert color="orange" variant="light" title={t('form.conflictTitle')} role="alert">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('form.conflictBody')}</Text>
                <Button
                  size="xs"
                  color="orange"
                  onClick={() => queryClient.setQueryData(principleKeys.detail(latest.id), latest)}
                >
                  {t('form.loadLatest')}
                </Button>
              </Stack>
            </Alert>
          )}
          {general && (
            <Alert color="red" variant="light" role="alert">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {!principle
                ? t('form.create')
                : startsNewVersion
                  ? t('form.saveNewVersion')
                  : t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
