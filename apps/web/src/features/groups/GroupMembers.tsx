import { Button, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../app/forms';
import { EmptyState } from '../../components/EmptyState';
import { useCan } from '../auth/auth.queries';
import { StakeholderMiniTable } from '../stakeholders/StakeholderMiniTable';
import { noFilters } from '../stakeholders/stakeholder.filters';
import { useStakeholderList } from '../stakeholders/stakeholder.queries';
import { AddMembers } from './AddMembers';
import { useRemoveMember } from './group.mutations';

export function GroupMembers({ groupId, archived }: { groupId: string; archived: boolean }) {
  const { t } = useTranslation(['groups']);
  const canWrite = useCan('groups.write') && !archived;
  const filters = useMemo(() => ({ ...noFilters, groupId }), [groupId]);
  const members = useStakeholderList(filters);
  const remove = useRemoveMember(groupId);

  return (
    <Stack>
      {canWrite && <AddMembers groupId={groupId} />}
      <StakeholderMiniTable
        list={members}
        label={t('members.title')}
        columns={
          canWrite
            ? [
                {
                  header: t('members.actions'),
                  cell: (s) => (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('members.removeLabel', { name: s.name })}
                      loading={remove.isPending && remove.variables === s.id}
                      onClick={() =>
                        remove.mutate(s.id, {
                          onError: (error) =>
                            notifications.show({ color: 'red', message: problemText(error) }),
                        })
                      }
                    >
                      {t('members.remove')}
                    </Button>
                  ),
                },
              ]
            : []
        }
        empty={
          <EmptyState
            title={t('members.emptyTitle')}
            description={canWrite ? t('members.emptyBody') : t('members.emptyBodyReadOnly')}
          />
        }
      />
    </Stack>
  );
}
