import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import type { Relationship } from '@rapport/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import { BasicsFields } from './BasicsFields';
import { type BasicsValues, basicsFields, basicsOf, patchOf } from './relationship.form';
import { useUpdateRelationship } from './relationship.mutations';
import { relationshipKeys } from './relationship.queries';

interface Props {
  relationship: Relationship;
  opened: boolean;
  onClose: () => void;
}

type EditValues = BasicsValues & { status: 'active' | 'paused'; nextReviewOn: string };

const valuesOf = (relationship: Relationship): EditValues => ({
  ...basicsOf(relationship),
  status: relationship.status === 'paused' ? 'paused' : 'active',
  nextReviewOn: relationship.nextReviewOn ?? '',
});

/** Edits the relationship's basics; only changed fields are sent, guarded by the version it was read at. */
export function EditRelationshipModal({ relationship, opened, onClose }: Props) {
  const { t } = useTranslation(['relationships', 'common']);
  const queryClient = useQueryClient();
  const update = useUpdateRelationship();
  const [values, setValues] = useState<EditValues>(() => valuesOf(relationship));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [changedMeanwhile, setChangedMeanwhile] = useState(false);

  // Filled in afresh each time it opens; a reload while open keeps what the user typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!opened) return;
    setValues(valuesOf(relationship));
    setErrors({});
    setGeneral(null);
    setChangedMeanwhile(false);
  }, [opened]);

  const change = (next: Partial<EditValues>) => setValues((current) => ({ ...current, ...next }));

  const submit = () => {
    if (!values.name.trim()) {
      setErrors({ name: t('common:validation.required') });
      return;
    }
    const patch = {
      ...patchOf(values, relationship),
      ...(values.status !== relationship.status && { status: values.status }),
      ...((values.nextReviewOn || null) !== relationship.nextReviewOn && {
        nextReviewOn: values.nextReviewOn || null,
      }),
    };
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { relationship, patch },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (isApiError(error, 409)) {
            setChangedMeanwhile(true);
            void queryClient.invalidateQueries({ queryKey: relationshipKeys.detail(relationship.id) });
            return;
          }
          const described = describeSubmitError(error, [...basicsFields, 'status', 'nextReviewOn']);
          setErrors(described.fields);
          setGeneral(described.general);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={t('edit.title')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <BasicsFields values={values} onChange={change} errors={errors} />
          <Group grow align="flex-start">
            <Select
              label={t('fields.status')}
              data={(['active', 'paused'] as const).map((value) => ({ value, label: t(`status.${value}`) }))}
              value={values.status}
              onChange={(value) => value && change({ status: value as EditValues['status'] })}
              error={errors.status}
              allowDeselect={false}
            />
            <TextInput
              type="date"
              label={t('fields.nextReviewOn')}
              value={values.nextReviewOn}
              onChange={(event) => change({ nextReviewOn: event.currentTarget.value })}
              error={errors.nextReviewOn}
            />
          </Group>
          {changedMeanwhile && (
            <Alert color="orange" variant="light" title={t('edit.conflictTitle')} role="alert">
              {t('edit.conflictBody')}
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
            <Button type="submit" loading={update.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
