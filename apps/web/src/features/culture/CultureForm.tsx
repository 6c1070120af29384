import { Alert, Button, Fieldset, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type CultureAssessment, communalityDimensions, toxicBehaviours } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { problemText } from '../../app/forms';
import { OrgUnitSelect } from '../org-units/OrgUnitSelect';
import {
  type CultureFormValues,
  emptyValues,
  issuesByPath,
  knownPath,
  parseValues,
  serverErrorsByPath,
  valuesOf,
} from './culture.form';
import { useCreateCultureAssessment, useUpdateCultureAssessment } from './culture.mutations';
import { PoleScale } from './PoleScale';
import { RelationshipTypeField } from './RelationshipTypeField';
import { ToxicBehaviourField } from './ToxicBehaviourField';

interface Props {
  /** The assessment being edited; none when recording a new one. */
  assessment?: CultureAssessment;
  /** The unit a new assessment is for, when it was started from that unit. */
  orgUnitId?: string | null;
  onSaved: (assessment: CultureAssessment) => void;
  onCancel: () => void;
}

export function CultureForm({ assessment, orgUnitId = null, onSaved, onCancel }: Props) {
  const { t } = useTranslation(['culture', 'common']);
  const [base, setBase] = useState(assessment);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<CultureAssessment | null>(null);
  const form = useForm<CultureFormValues>({
    initialValues: base ? valuesOf(base) : emptyValues(orgUnitId),
  });
  const create = useCreateCultureAssessment();
  const update = useUpdateCultureAssessment();
  const values = form.getValues();

  const submit = form.onSubmit(async (current) => {
    setFailure(null);
    setConflict(null);
    const parsed = parseValues(current);
    if (!parsed.success) {
      form.setErrors(issuesByPath(parsed.error));
      setFailure(t('form.fixErrors'));
      return;
    }
    try {
      const saved = base
        ? await update.mutateAsync({ id: base.id, version: base.version, patch: parsed.data })
        : await create.mutateAsync(parsed.data);
      onSaved(saved);
    } catch (error) {
      if (isApiError(error, 409) && error.problem?.current) {
        setConflict(error.problem.current as CultureAssessment);
        return;
      }
      const errors = isApiError(error) ? serverErrorsByPath(error.fieldErrors) : {};
      form.setErrors(errors);
      const elsewhere = Object.entries(errors).filter(([path]) => !knownPath(path));
      setFailure(
        Object.keys(errors).length === 0 || elsewhere.length > 0
          ? [problemText(error), ...elsewhere.map(([path, message]) => `${path}: ${message}`)].join(' ')
          : t('form.fixErrors'),
      );
    }
  });

  const loadLatest = () => {
    if (!conflict) return;
    setBase(conflict);
    form.setValues(valuesOf(conflict));
    form.resetDirty(valuesOf(conflict));
    form.clearErrors();
    setConflict(null);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {conflict && (
          <Alert color="orange" variant="light" title={t('form.conflictTitle')} role="alert">
            <Stack gap="xs">
              <Text size="sm">{t('form.conflictBody')}</Text>
              <Group>
                <Button size="xs" color="orange" onClick={loadLatest}>
                  {t('form.loadLatest')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {failure && (
          <Alert color="red" variant="light" role="alert">
            {failure}
          </Alert>
        )}

        <Fieldset legend={t('form.subject')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('fields.title')} required {...form.getInputProps('title')} />
            <OrgUnitSelect
              label={t('fields.unit')}
              description={t('form.unitHint')}
              placeholder={t('wholeOrganisation')}
              value={values.orgUnitId}
              onChange={(value) => form.setFieldValue('orgUnitId', value)}
              error={form.errors.orgUnitId}
            />
            <TextInput
              type="date"
              label={t('fields.assessedOn')}
              required
              {...form.getInputProps('assessedOn')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('form.scales')}>
          <Text size="sm" c="dimmed" mb="md">
            {t('form.scalesHint')}
          </Text>
          <Stack gap="lg">
            {communalityDimensions.map((dimension) => (
              <PoleScale
                key={dimension}
                dimension={dimension}
                value={values.scores[dimension]}
                onChange={(score) => form.setFieldValue(`scores.${dimension}`, score)}
                error={form.errors[`scores.${dimension}`] as string | undefined}
              />
            ))}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('form.relationships')}>
          <Stack gap="lg">
            <RelationshipTypeField
              value={values.dominantType}
              onChange={(type) => form.setFieldValue('dominantType', type)}
              error={form.errors.dominantType as string | undefined}
            />
            <Stack gap="md">
              <Text size="sm" c="dimmed">
                {t('form.toxicHint')}
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
                {toxicBehaviours.map((behaviour) => (
                  <ToxicBehaviourField
                    key={behaviour}
                    behaviour={behaviour}
                    value={values.toxicBehaviours[behaviour]}
                    onChange={(frequency) => form.setFieldValue(`toxicBehaviours.${behaviour}`, frequency)}
                    error={form.errors[`toxicBehaviours.${behaviour}`] as string | undefined}
                  />
                ))}
              </SimpleGrid>
            </Stack>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('form.findings')}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Textarea
                label={t('fields.strengths')}
                autosize
                minRows={3}
                {...form.getInputProps('strengths')}
              />
              <Textarea label={t('fields.risks')} autosize minRows={3} {...form.getInputProps('risks')} />
            </SimpleGrid>
            <Textarea
              label={t('fields.strategicRequirements')}
              description={t('form.strategicRequirementsHint')}
              autosize
              minRows={5}
              maxRows={20}
              {...form.getInputProps('strategicRequirements')}
            />
            <Textarea label={t('fields.notes')} autosize minRows={3} {...form.getInputProps('notes')} />
          </Stack>
        </Fieldset>

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {base ? t('form.saveChanges') : t('form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
