import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../app/forms';
import { StakeholderFilterBar } from '../stakeholders/StakeholderFilterBar';
import { StakeholderPicker } from '../stakeholders/StakeholderPicker';
import { filterParams, hasActiveFilters, noFilters } from '../stakeholders/stakeholder.filters';
import { useStakeholderList } from '../stakeholders/stakeholder.queries';
import { type MembersToAdd, useAddMembers } from './group.mutations';

/** Adds stakeholders one by one (search by name) or every stakeholder a filter finds. */
export function AddMembers({ groupId }: { groupId: string }) {
  const { t } = useTranslation(['groups', 'common']);
  const add = useAddMembers(groupId);
  const [picked, setPicked] = useState<string | null>(null);
  const [byFilter, { open, close }] = useDisclosure();
  const [filters, setFilters] = useState(noFilters);
  const preview = useStakeholderList(filters, {}, byFilter && hasActiveFilters(filters));
  const matching = preview.data?.pages[0]?.total;

  const run = (body: MembersToAdd, done: () => void) =>
    add.mutate(body, {
      onSuccess: ({ added }) => {
        notifications.show({ color: 'green', message: t('members.added', { count: added }) });
        done();
      },
      onError: (error) => notifications.show({ color: 'red', message: problemText(error) }),
    });

  const filterBody = (): MembersToAdd => ({
    filter: Object.fromEntries(
      Object.entries(filterParams(filters)).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    ),
  });

  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (picked) run({ stakeholderIds: [picked] }, () => setPicked(null));
        }}
      >
        <Group align="flex-end" gap="sm">
          <div style={{ width: 320 }}>
            <StakeholderPicker label={t('members.pick')} value={picked} onChange={setPicked} />
          </div>
          <Button type="submit" disabled={!picked} loading={add.isPending && !byFilter}>
            {t('members.add')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('members.or')}
          </Text>
          <Button variant="light" onClick={open}>
            {t('members.addByFilter')}
          </Button>
        </Group>
      </form>
      <Modal opened={byFilter} onClose={close} title={t('members.byFilterTitle')} size="90%">
        <Stack>
          <Text size="sm">{t('members.byFilterBody')}</Text>
          <StakeholderFilterBar
            filters={filters}
            onChange={setFilters}
            onClear={() => setFilters(noFilters)}
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {hasActiveFilters(filters)
                ? matching !== undefined
                  ? t('members.matching', { count: matching })
                  : t('common:loading')
                : t('members.chooseFilter')}
            </Text>
            <Group>
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button
                disabled={!hasActiveFilters(filters) || !matching}
                loading={add.isPending}
                onClick={() => run(filterBody(), close)}
              >
                {t('members.addAll', { count: matching ?? 0 })}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
