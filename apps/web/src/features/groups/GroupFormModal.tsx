import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { StakeholderGroup } from '@rapport/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import { useCreateGroup, useUpdateGroup } from './group.mutations';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The group to edit; without it a new group is created. */
  group?: StakeholderGroup;
  onSaved?: (group: StakeholderGroup) => void;
}

const fields = ['name', 'description', 'keyGroup', 'reassessDays'];

export function GroupFormModal({ opened, onClose, group, onSaved }: Props) {
  const { t } = useTranslation(['groups', 'common']);
  const create = useCreateGroup();
  const update = useUpdateGroup();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [keyGroup, setKeyGroup] = useState(true);
  const [reassessDays, setReassessDays] = useState<number | string>('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    setName(group?.name ?? '');
    setDescription(group?.description ?? '');
    setKeyGroup(group?.keyGroup ?? true);
    setReassessDays(group?.reassessDays ?? '');
    setErrors({});
    setGeneral(null);
  }, [opened, group]);

  const submit = () => {
    const days = reassessDays === '' ? null : Number(reassessDays);
    const local: FieldErrors = {};
    if (!name.trim()) local.name = t('common:validation.required');
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650))
      local.reassessDays = t('form.daysRange');
    setErrors(local);
    if (Object.keys(local).length) return;
    const body = { name: name.trim(), description, keyGroup, reassessDays: days };
    const handlers = {
      onSuccess: (saved: StakeholderGroup) => {
        onSaved?.(saved);
        onClose();
      },
      onError: (error: unknown) => {
        const described = describeSubmitError(error, fields, body);
        setErrors(described.fields);
        setGeneral(described.general);
      },
    };
    if (group) update.mutate({ id: group.id, version: group.version, patch: body }, handlers);
    else create.mutate(body, handlers);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={group ? t('form.editTitle') : t('form.newTitle')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <TextInput
            label={t('fields.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            required
            data-autofocus
          />
          <Textarea
            label={t('fields.description')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
          />
          <Checkbox
            label={t('fields.keyGroup')}
            description={t('form.keyGroupHint')}
            checked={keyGroup}
            onChange={(event) => setKeyGroup(event.currentTarget.checked)}
          />
          <NumberInput
            label={t('fields.reassessDays')}
            description={t('form.reassessHint')}
            value={reassessDays}
            onChange={setReassessDays}
            min={1}
            max={3650}
            allowDecimal={false}
            error={errors.reassessDays}
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
              {group ? t('common:actions.save') : t('form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
