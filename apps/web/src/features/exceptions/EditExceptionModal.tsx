import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Exception, ExceptionPatch } from '@rapport/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import {
  checkExceptionFields,
  ExceptionFields,
  type ExceptionFieldValues,
  exceptionFieldBody,
  exceptionFieldNames,
  exceptionFieldValues,
} from './ExceptionFields';
import { useUpdateException } from './exception.mutations';

interface Props {
  exception: Exception;
  opened: boolean;
  onClose: () => void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only the fields that differ from the record as loaded: the rest is left as the server has it. */
function changedFields(exception: Exception, values: ExceptionFieldValues): ExceptionPatch {
  if (!values.type) return {};
  const before = exceptionFieldBody({ ...exceptionFieldValues(exception), type: exception.type });
  const after = exceptionFieldBody({ ...values, type: values.type });
  const patch: Record<string, unknown> = {};
  for (const field of exceptionFieldNames) {
    if (!same(before[field], after[field])) patch[field] = after[field];
  }
  return patch as ExceptionPatch;
}

/** Edits an exception's fields; sends only what changed, against the version it was loaded at. */
export function EditExceptionModal({ exception, opened, onClose }: Props) {
  const { t } = useTranslation(['exceptions', 'common']);
  const update = useUpdateException(exception);
  const [values, setValues] = useState<ExceptionFieldValues>(() => exceptionFieldValues(exception));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  // Opening starts from the record; so does a reload after a conflict (a new version). Nothing typed is kept
  // silently: a conflict says so (below).
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when opened or on a new version
  useEffect(() => {
    if (!opened) return;
    setValues(exceptionFieldValues(exception));
    setErrors({});
  }, [opened, exception.version]);

  useEffect(() => {
    if (opened) setGeneral(null);
  }, [opened]);

  const submit = () => {
    const missing = checkExceptionFields(values, t('common:validation.required'));
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setGeneral(null);
      return;
    }
    const patch = changedFields(exception, values);
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    const changed = Object.keys(patch) as (typeof exceptionFieldNames)[number][];
    const labels = changed.map((field) => t(`edit.field.${field}`));
    update.mutate(patch, {
      onSuccess: () => {
        notifications.show({ message: t('edit.saved') });
        onClose();
      },
      onError: (error) => {
        if (isApiError(error, 409)) {
          // The record has been reloaded (exception.mutations) and the form with it.
          setErrors({});
          setGeneral(t('edit.conflict', { fields: labels.join(', ') }));
          return;
        }
        const described = describeSubmitError(error, exceptionFieldNames, patch);
        setErrors(described.fields);
        setGeneral(described.general);
      },
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('edit.title')} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <ExceptionFields
            values={values}
            onChange={(change) => setValues((current) => ({ ...current, ...change }))}
            errors={errors}
            opened={opened}
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
            <Button type="submit" loading={update.isPending}>
              {t('edit.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
