import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  engagementLevels,
  quadrantOf,
  type Stakeholder,
  salienceOf,
  stakeholderCategories,
  stakeholderKinds,
} from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { describeSubmitError, zodFieldErrors } from '../../app/forms';
import { useUserOptions } from '../admin/user.queries';
import { useCan } from '../auth/auth.queries';
import { OrgUnitSelect } from '../org-units/OrgUnitSelect';
import { ParentSelect } from './ParentSelect';
import { QuadrantBadge, SalienceBadge } from './StakeholderBadges';
import {
  emptyValues,
  formFields,
  parseCreate,
  parsePatch,
  type StakeholderFormValues,
  valuesOf,
} from './stakeholder.form';
import { useCreateStakeholder, useUpdateStakeholder } from './stakeholder.mutations';

interface Props {
  /** The stakeholder being edited; none when creating. */
  stakeholder?: Stakeholder;
  onSaved: (stakeholder: Stakeholder) => void;
  onCancel: () => void;
}

function scaleValue(value: number | string): number | null {
  const number = typeof value === 'number' ? value : Number.parseInt(value, 10);
  return Number.isInteger(number) && number >= 1 && number <= 5 ? number : null;
}

export function StakeholderForm({ stakeholder, onSaved, onCancel }: Props) {
  const { t } = useTranslation(['stakeholders', 'common', 'enums', 'approach']);
  const [base, setBase] = useState(stakeholder);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Stakeholder | null>(null);
  const form = useForm<StakeholderFormValues>({ initialValues: base ? valuesOf(base) : emptyValues() });
  const create = useCreateStakeholder();
  const update = useUpdateStakeholder();
  const users = useUserOptions(useCan('users.read'));
  const values = form.getValues();

  const submit = form.onSubmit(async (current) => {
    setFailure(null);
    setConflict(null);
    const parsed = base ? parsePatch(current, base) : parseCreate(current);
    if (!parsed.success) {
      form.setErrors(zodFieldErrors(parsed.error, { ...current }));
      setFailure(t('form.fixErrors'));
      return;
    }
    try {
      const saved = base
        ? Object.keys(parsed.data).length === 0
          ? base
          : await update.mutateAsync({ id: base.id, version: base.version, patch: parsed.data })
        : await create.mutateAsync(parsed.data as Parameters<typeof create.mutateAsync>[0]);
      onSaved(saved);
    } catch (error) {
      if (isApiError(error, 409) && error.problem?.current) {
        setConflict(error.problem.current as Stakeholder);
        return;
      }
      const { fields, general } = describeSubmitError(error, formFields, { ...current });
      form.setErrors(fields);
      setFailure(general ?? t('form.fixErrors'));
    }
  });

  const reloadLatest = () => {
    if (!conflict) return;
    setBase(conflict);
    form.setValues(valuesOf(conflict));
    form.resetDirty(valuesOf(conflict));
    form.clearErrors();
    setConflict(null);
  };

  const influence = scaleValue(values.influence);
  const interest = scaleValue(values.interest);
  const ownerOptions = (users.data ?? [])
    .filter((user) => !user.deactivatedAt || user.id === values.ownerId)
    .map((user) => ({ value: user.id, label: user.name }));
  const engagementOptions = engagementLevels.map((value) => ({
    value,
    label: t(`enums:engagement.${value}`),
  }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {conflict && (
          <Alert color="orange" variant="light" title={t('form.conflictTitle')} role="alert">
            <Stack gap="xs">
              <Text size="sm">{t('form.conflictBody')}</Text>
              <Group>
                <Button size="xs" color="orange" onClick={reloadLatest}>
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

        <Fieldset legend={t('form.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('fields.name')} required {...form.getInputProps('name')} />
            <Select
              label={t('fields.category')}
              required
              searchable
              data={stakeholderCategories.map((value) => ({ value, label: t(`enums:category.${value}`) }))}
              {...form.getInputProps('category')}
            />
            <Select
              label={t('fields.kind')}
              allowDeselect={false}
              data={stakeholderKinds.map((value) => ({ value, label: t(`enums:kind.${value}`) }))}
              {...form.getInputProps('kind')}
            />
            <Select
              label={t('fields.scope')}
              allowDeselect={false}
              data={[
                { value: 'internal', label: t('enums:scope.internal') },
                { value: 'external', label: t('enums:scope.external') },
              ]}
              {...form.getInputProps('scope')}
              onChange={(scope) => {
                form.setFieldValue('scope', (scope ?? 'external') as StakeholderFormValues['scope']);
                if (scope !== 'internal') form.setFieldValue('orgUnitId', null);
              }}
            />
            {values.scope === 'internal' && (
              <OrgUnitSelect
                description={t('approach:orgUnits.picker.stakeholderHint')}
                value={values.orgUnitId}
                onChange={(value) => form.setFieldValue('orgUnitId', value)}
                error={form.errors.orgUnitId}
              />
            )}
            <ParentSelect
              value={values.parentId}
              onChange={(value) => form.setFieldValue('parentId', value)}
              error={form.errors.parentId}
              excludeId={base?.id}
            />
            <Select
              label={t('fields.owner')}
              description={t('form.ownerHint')}
              placeholder={t('noOwner')}
              data={ownerOptions}
              searchable
              clearable
              {...form.getInputProps('ownerId')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('form.position')}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label={t('fields.influence')}
                description={t('form.scaleHint')}
                required
                allowDecimal={false}
                clampBehavior="none"
                {...form.getInputProps('influence')}
              />
              <NumberInput
                label={t('fields.interest')}
                description={t('form.scaleHint')}
                required
                allowDecimal={false}
                clampBehavior="none"
                {...form.getInputProps('interest')}
              />
            </SimpleGrid>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t('fields.quadrant')}:
              </Text>
              {influence && interest ? (
                <QuadrantBadge quadrant={quadrantOf(influence, interest)} />
              ) : (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
              <Text size="sm" c="dimmed" ml="md">
                {t('fields.salience')}:
              </Text>
              <SalienceBadge salience={salienceOf(values.power, values.legitimacy, values.urgency)} />
            </Group>
            <Group gap="xl">
              <Checkbox
                label={t('fields.power')}
                description={t('form.powerHint')}
                {...form.getInputProps('power', { type: 'checkbox' })}
              />
              <Checkbox
                label={t('fields.legitimacy')}
                description={t('form.legitimacyHint')}
                {...form.getInputProps('legitimacy', { type: 'checkbox' })}
              />
              <Checkbox
                label={t('fields.urgency')}
                description={t('form.urgencyHint')}
                {...form.getInputProps('urgency', { type: 'checkbox' })}
              />
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('fields.engagementCurrent')}
                placeholder={t('notAssessed')}
                data={engagementOptions}
                clearable
                {...form.getInputProps('engagementCurrent')}
              />
              <Select
                label={t('fields.engagementDesired')}
                placeholder={t('notAssessed')}
                data={engagementOptions}
                clearable
                {...form.getInputProps('engagementDesired')}
              />
              <NumberInput
                label={t('fields.targetInfluence')}
                description={t('form.targetHint')}
                allowDecimal={false}
                clampBehavior="none"
                {...form.getInputProps('targetInfluence')}
              />
              <NumberInput
                label={t('fields.targetInterest')}
                description={t('form.targetHint')}
                allowDecimal={false}
                clampBehavior="none"
                {...form.getInputProps('targetInterest')}
              />
            </SimpleGrid>
            <Textarea
              label={t('fields.assessmentNote')}
              description={t('form.assessmentNoteHint')}
              autosize
              minRows={2}
              {...form.getInputProps('assessmentNote')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('form.contact')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TagsInput
              label={t('fields.emails')}
              description={t('form.listHint')}
              {...form.getInputProps('emails')}
            />
            <TagsInput
              label={t('fields.phones')}
              description={t('form.listHint')}
              {...form.getInputProps('phones')}
            />
            <TagsInput
              label={t('fields.tags')}
              description={t('form.listHint')}
              {...form.getInputProps('tags')}
            />
          </SimpleGrid>
          <Textarea
            mt="md"
            label={t('fields.notes')}
            autosize
            minRows={3}
            maxRows={12}
            {...form.getInputProps('notes')}
          />
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
