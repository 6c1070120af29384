import { Alert, Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type LinkType, linkTypes, undirectedLinkTypes } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { problemText } from '../../app/forms';
import { StakeholderPicker } from '../stakeholders/StakeholderPicker';
import { useCreateLink } from './link.mutations';

/** Links this stakeholder to another: who reports to, influences or represents whom. */
export function AddLinkForm({ stakeholderId }: { stakeholderId: string }) {
  const { t } = useTranslation(['links', 'common']);
  const create = useCreateLink();
  const [type, setType] = useState<LinkType>('influences');
  const [direction, setDirection] = useState<'out' | 'in'>('out');
  const [otherId, setOtherId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const directed = !undirectedLinkTypes.includes(type);

  const submit = () => {
    if (!otherId) return;
    const outgoing = !directed || direction === 'out';
    create.mutate(
      {
        fromId: outgoing ? stakeholderId : otherId,
        toId: outgoing ? otherId : stakeholderId,
        type,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: () => {
          setOtherId(null);
          setNote('');
          notifications.show({ color: 'green', message: t('links.added') });
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('links.type')}
            data={linkTypes.map((value) => ({ value, label: t(`types.${value}`) }))}
            value={type}
            onChange={(value) => value && setType(value as LinkType)}
            allowDeselect={false}
            w={200}
          />
          {directed && (
            <Select
              label={t('links.direction')}
              data={[
                { value: 'out', label: t('links.thisToOther', { type: t(`types.${type}`) }) },
                { value: 'in', label: t('links.otherToThis', { type: t(`types.${type}`) }) },
              ]}
              value={direction}
              onChange={(value) => value && setDirection(value as 'out' | 'in')}
              allowDeselect={false}
              w={260}
            />
          )}
          <div style={{ width: 280 }}>
            <StakeholderPicker
              label={t('links.other')}
              value={otherId}
              onChange={setOtherId}
              exclude={[stakeholderId]}
              required
            />
          </div>
          <TextInput
            label={t('links.note')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            w={240}
          />
          <Button type="submit" disabled={!otherId} loading={create.isPending}>
            {t('links.add')}
          </Button>
        </Group>
        {create.isError && (
          <Alert color="red" mt="sm" role="alert">
            {isApiError(create.error, 409) ? t('links.exists') : problemText(create.error)}
          </Alert>
        )}
      </form>
    </Paper>
  );
}
