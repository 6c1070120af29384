import { Alert, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import {
  type Exception,
  type ExceptionSeverity,
  type ExceptionType,
  exceptionSeverities,
  exceptionTypes,
  type ToxicBehaviour,
  toxicBehaviours,
} from '@rapport/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../app/forms';
import { useUserOptions } from '../admin/user.queries';
import { StakeholderParticipantsField } from '../interactions/StakeholderParticipantsField';
import { AntidoteGuidance } from './AntidoteGuidance';

/** The fields an exception is raised with and later edited by (relationship and reporter aside). */
export interface ExceptionFieldValues {
  title: string;
  description: string;
  type: ExceptionType | null;
  toxicBehaviour: ToxicBehaviour | null;
  severity: ExceptionSeverity;
  stakeholderIds: string[];
  ownerId: string | null;
  /** `''` when not set (a date input's empty value). */
  dueOn: string;
  occurredOn: string;
}

export const emptyExceptionFields: ExceptionFieldValues = {
  title: '',
  description: '',
  type: null,
  toxicBehaviour: null,
  severity: 'moderate',
  stakeholderIds: [],
  ownerId: null,
  dueOn: '',
  occurredOn: '',
};

export const exceptionFieldNames = [
  'title',
  'description',
  'type',
  'toxicBehaviour',
  'severity',
  'stakeholderIds',
  'ownerId',
  'dueOn',
  'occurredOn',
] as const satisfies readonly (keyof ExceptionFieldValues)[];

export function exceptionFieldValues(exception: Exception): ExceptionFieldValues {
  return {
    title: exception.title,
    description: exception.description,
    type: exception.type,
    toxicBehaviour: exception.toxicBehaviour,
    severity: exception.severity,
    stakeholderIds: [...exception.stakeholderIds],
    ownerId: exception.ownerId,
    dueOn: exception.dueOn ?? '',
    occurredOn: exception.occurredOn ?? '',
  };
}

/** The values as the API takes them: trimmed title, null for empty dates, a behaviour only for toxic ones. */
export function exceptionFieldBody(values: ExceptionFieldValues & { type: ExceptionType }) {
  return {
    title: values.title.trim(),
    description: values.description,
    type: values.type,
    toxicBehaviour: values.type === 'toxic_behaviour' ? values.toxicBehaviour : null,
    severity: values.severity,
    stakeholderIds: values.stakeholderIds,
    ownerId: values.ownerId,
    dueOn: values.dueOn || null,
    occurredOn: values.occurredOn || null,
  };
}

/** The checks made before sending: a title, a type, and a behaviour exactly when the type is toxic behaviour. */
export function checkExceptionFields(values: ExceptionFieldValues, required: string): FieldErrors {
  const missing: FieldErrors = {};
  if (!values.title.trim()) missing.title = required;
  if (!values.type) missing.type = required;
  if (values.type === 'toxic_behaviour' && !values.toxicBehaviour) missing.toxicBehaviour = required;
  return missing;
}

interface Props {
  values: ExceptionFieldValues;
  onChange: (change: Partial<ExceptionFieldValues>) => void;
  errors: FieldErrors;
  /** Whether the modal holding the fields is open (the owner list is loaded only then). */
  opened: boolean;
  /** Shown under the title (the raise form's relationship). */
  afterTitle?: ReactNode;
}

/** The fields shared by raising and editing an exception. */
export function ExceptionFields({ values, onChange, errors, opened, afterTitle }: Props) {
  const { t } = useTranslation(['exceptions', 'common']);
  const users = useUserOptions(opened);
  const userData = (users.data ?? []).map((user) => ({ value: user.id, label: user.name }));
  return (
    <Stack>
      <TextInput
        label={t('fields.title')}
        placeholder={t('raise.titlePlaceholder')}
        value={values.title}
        onChange={(event) => onChange({ title: event.currentTarget.value })}
        error={errors.title}
        required
        data-autofocus
      />
      {afterTitle}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('fields.type')}
          data={exceptionTypes.map((value) => ({ value, label: t(`type.${value}`) }))}
          value={values.type}
          onChange={(value) => {
            const type = value as ExceptionType | null;
            // A behaviour is named only for toxic behaviour: changing the type away drops it.
            onChange(type === 'toxic_behaviour' ? { type } : { type, toxicBehaviour: null });
          }}
          error={errors.type}
          required
        />
        <Select
          label={t('fields.severity')}
          data={exceptionSeverities.map((value) => ({ value, label: t(`severity.${value}`) }))}
          value={values.severity}
          onChange={(value) => value && onChange({ severity: value as ExceptionSeverity })}
          allowDeselect={false}
          error={errors.severity}
          required
        />
      </SimpleGrid>
      {values.type === 'toxic_behaviour' && (
        <>
          <Select
            label={t('fields.toxicBehaviour')}
            data={toxicBehaviours.map((value) => ({ value, label: t(`toxic.${value}`) }))}
            value={values.toxicBehaviour}
            onChange={(value) => onChange({ toxicBehaviour: value as ToxicBehaviour | null })}
            error={errors.toxicBehaviour}
            required
          />
          {values.toxicBehaviour && <AntidoteGuidance behaviour={values.toxicBehaviour} />}
        </>
      )}
      {values.type !== 'toxic_behaviour' && errors.toxicBehaviour && (
        <Alert color="red" variant="light">
          {errors.toxicBehaviour}
        </Alert>
      )}
      <Textarea
        label={t('fields.description')}
        value={values.description}
        onChange={(event) => onChange({ description: event.currentTarget.value })}
        error={errors.description}
        autosize
        minRows={3}
      />
      <StakeholderParticipantsField
        value={values.stakeholderIds}
        onChange={(stakeholderIds) => onChange({ stakeholderIds })}
        error={errors.stakeholderIds}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('fields.owner')}
          data={userData}
          value={values.ownerId}
          onChange={(ownerId) => onChange({ ownerId })}
          searchable
          clearable
          error={errors.ownerId}
        />
        <TextInput
          type="date"
          label={t('fields.occurredOn')}
          value={values.occurredOn}
          onChange={(event) => onChange({ occurredOn: event.currentTarget.value })}
          error={errors.occurredOn}
        />
        <TextInput
          type="date"
          label={t('fields.dueOn')}
          value={values.dueOn}
          onChange={(event) => onChange({ dueOn: event.currentTarget.value })}
          error={errors.dueOn}
        />
      </SimpleGrid>
    </Stack>
  );
}
