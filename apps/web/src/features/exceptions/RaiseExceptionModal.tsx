import { Alert, Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Exception } from '@rapport/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import {
  checkExceptionFields,
  ExceptionFields,
  type ExceptionFieldValues,
  emptyExceptionFields,
  exceptionFieldBody,
  exceptionFieldNames,
} from './ExceptionFields';
import { useRaiseException } from './exception.mutations';
import { useRelationshipOptions } from './exception.queries';

interface Props {
  opened: boolean;
  onClose: () => void;
  onSaved: (exception: Exception) => void;
  /** Raised from a relationship's page: the relationship is fixed. */
  relationship?: { id: string; name: string };
}

const fields = [...exceptionFieldNames, 'relationshipId', 'reporterHidden'];

/** Raises an exception on a relationship or between stakeholders. */
export function RaiseExceptionModal({ opened, onClose, onSaved, relationship }: Props) {
  const { t } = useTranslation(['exceptions', 'common']);
  const raise = useRaiseException();
  const [values, setValues] = useState<ExceptionFieldValues>(emptyExceptionFields);
  const [relationshipId, setRelationshipId] = useState<string | null>(relationship?.id ?? null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const relationships = useRelationshipOptions(q, opened && !relationship);
  const [reporterHidden, setReporterHidden] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    setValues(emptyExceptionFields);
    setRelationshipId(relationship?.id ?? null);
    setSearch('');
    setReporterHidden(false);
    setErrors({});
    setGeneral(null);
  }, [opened, relationship?.id]);

  const submit = () => {
    const missing = checkExceptionFields(values, t('common:validation.required'));
    if (Object.keys(missing).length > 0 || !values.type) {
      setErrors(missing);
      return;
    }
    const body = { ...exceptionFieldBody({ ...values, type: values.type }), relationshipId, reporterHidden };
    raise.mutate(body, {
      onSuccess: (exception) => {
        onClose();
        onSaved(exception);
      },
      onError: (error) => {
        const described = describeSubmitError(error, fields, body);
        setErrors(described.fields);
        setGeneral(described.general);
      },
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('raise.title')} size="lg">
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
            afterTitle={
              relationship ? (
                <TextInput label={t('fields.relationship')} value={relationship.name} readOnly />
              ) : (
                <Select
                  label={t('fields.relationship')}
                  description={t('raise.relationshipHint')}
                  placeholder={t('raise.pickRelationship')}
                  data={relationships.data ?? []}
                  searchable
                  searchValue={search}
                  onSearchChange={setSearch}
                  filter={({ options }) => options}
                  value={relationshipId}
                  onChange={setRelationshipId}
                  clearable
                  error={errors.relationshipId}
                />
              )
            }
          />
          <Checkbox
            label={t('fields.reporterHidden')}
            checked={reporterHidden}
            onChange={(event) => setReporterHidden(event.currentTarget.checked)}
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
            <Button type="submit" loading={raise.isPending}>
              {t('raise.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
