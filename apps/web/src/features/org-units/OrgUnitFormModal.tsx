import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type OrgUnit, OrgUnitCreate, type OrgUnitKind, orgUnitKinds } from '@rapport/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { describeSubmitError, type FieldErrors, zodFieldErrors } from '../../app/forms';
import { OrgUnitSelect } from './OrgUnitSelect';
import { useCreateOrgUnit, useUpdateOrgUnit } from './org-unit.mutations';
import { useOrgUnits } from './org-unit.queries';
import { selfAndDescendants } from './org-unit.tree';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The unit to edit; without it a new unit is created. */
  unit?: OrgUnit;
  /** Where a new unit goes, when it is added below an existing one. */
  parentId?: string | null;
}

const fields = ['name', 'kind', 'parentId', 'description'];

export function OrgUnitFormModal({ opened, onClose, unit, parentId = null }: Props) {
  const { t } = useTranslation(['approach', 'common']);
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const units = useOrgUnits('true');
  const [base, setBase] = useState(unit);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrgUnitKind>('team');
  const [parent, setParent] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [conflict, setConflict] = useState<OrgUnit | null>(null);

  const fill = (source: OrgUnit | undefined) => {
    setBase(source);
    setName(source?.name ?? '');
    setKind(source?.kind ?? 'team');
    setParent(source ? source.parentId : parentId);
    setDescription(source?.description ?? '');
    setErrors({});
    setGeneral(null);
    setConflict(null);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the form is refilled each time it opens, not on every render.
  useEffect(() => {
    if (opened) fill(unit);
  }, [opened, unit, parentId]);

  const submit = () => {
    const body = { name, kind, parentId: parent, description };
    const parsed = OrgUnitCreate.safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      setGeneral(null);
      return;
    }
    const handlers = {
      onSuccess: onClose,
      onError: (error: unknown) => {
        if (isApiError(error, 409) && error.problem?.current) {
          setConflict(error.problem.current as OrgUnit);
          return;
        }
        const described = describeSubmitError(error, fields, body);
        setErrors(described.fields);
        setGeneral(described.general);
      },
    };
    if (base) update.mutate({ id: base.id, version: base.version, patch: parsed.data }, handlers);
    else create.mutate(parsed.data, handlers);
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={base ? t('orgUnits.form.editTitle', { name: base.name }) : t('orgUnits.form.newTitle')}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          {conflict && (
            <Alert color="orange" variant="light" title={t('orgUnits.form.conflictTitle')} role="alert">
              <Stack gap="xs">
                <Text size="sm">{t('orgUnits.form.conflictBody')}</Text>
                <Group>
                  <Button size="xs" color="orange" onClick={() => fill(conflict)}>
                    {t('orgUnits.form.loadLatest')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <TextInput
            label={t('orgUnits.fields.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            required
            data-autofocus
          />
          <Select
            label={t('orgUnits.fields.kind')}
            data={orgUnitKinds.map((value) => ({ value, label: t(`orgUnits.kind.${value}`) }))}
            value={kind}
            onChange={(value) => value && setKind(value as OrgUnitKind)}
            allowDeselect={false}
            error={errors.kind}
          />
          <OrgUnitSelect
            label={t('orgUnits.fields.parent')}
            description={t('orgUnits.form.parentHint')}
            placeholder={t('orgUnits.form.topLevel')}
            value={parent}
            onChange={setParent}
            error={errors.parentId}
            exclude={base ? selfAndDescendants(units.data ?? [], base.id) : undefined}
          />
          <Textarea
            label={t('orgUnits.fields.description')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
          />
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {base ? t('common:actions.save') : t('orgUnits.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
