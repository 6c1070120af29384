import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { improvementStatuses, type User } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import { useCreateImprovement } from './review.mutations';
import type { ImprovementStatus } from './review.queries';

const fields = ['title', 'ownerId', 'dueOn', 'status'];

/** One line to record an improvement initiative the review decided on. */
export function AddImprovementForm({ reviewId, users }: { reviewId: string; users: User[] }) {
  const { t } = useTranslation(['reviews', 'common']);
  const create = useCreateImprovement(reviewId);
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [status, setStatus] = useState<ImprovementStatus>('proposed');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  const submit = () => {
    setGeneral(null);
    if (!title.trim()) {
      setErrors({ title: t('common:validation.required') });
      return;
    }
    const body = { title: title.trim(), ownerId, dueOn: dueOn || null, status };
    create.mutate(body, {
      onSuccess: () => {
        setTitle('');
        setOwnerId(null);
        setDueOn('');
        setStatus('proposed');
        setErrors({});
      },
      onError: (error) => {
        const described = describeSubmitError(error, fields, body);
        setErrors(described.fields);
        setGeneral(described.general);
      },
    });
  };

  return (
    <form
      noValidate
      aria-label={t('improvements.addTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label={t('improvements.newTitle')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            required
            miw={260}
            style={{ flex: 1 }}
          />
          <Select
            label={t('improvements.owner')}
            placeholder={t('improvements.noOwner')}
            data={users
              .filter((user) => !user.deactivatedAt)
              .map((user) => ({ value: user.id, label: user.name }))}
            value={ownerId}
            onChange={setOwnerId}
            error={errors.ownerId}
            searchable
            clearable
            w={200}
          />
          <TextInput
            type="date"
            label={t('improvements.dueOn')}
            value={dueOn}
            onChange={(event) => setDueOn(event.currentTarget.value)}
            error={errors.dueOn}
            w={170}
          />
          <Select
            label={t('improvements.status')}
            data={improvementStatuses.map((value) => ({ value, label: t(`improvementStatus.${value}`) }))}
            value={status}
            onChange={(value) => value && setStatus(value as ImprovementStatus)}
            allowDeselect={false}
            error={errors.status}
            w={170}
          />
          <Button type="submit" mt={25} loading={create.isPending}>
            {t('improvements.add')}
          </Button>
        </Group>
        {general && (
          <Alert color="red" variant="light" role="alert">
            {general}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
