import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { Stakeholder } from '@rapport/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { problemText } from '../../app/forms';
import { useArchiveStakeholder, useRestoreStakeholder } from './stakeholder.mutations';
import { stakeholderKeys } from './stakeholder.queries';

/** Archiving keeps the record and its history; it can be brought back. */
export function ArchiveButton({ stakeholder }: { stakeholder: Stakeholder }) {
  const { t } = useTranslation(['stakeholders', 'common', 'enums']);
  const [opened, { open, close }] = useDisclosure();
  const archive = useArchiveStakeholder();
  const restore = useRestoreStakeholder();
  const queryClient = useQueryClient();
  const archived = Boolean(stakeholder.archivedAt);
  const mutation = archived ? restore : archive;

  const run = () =>
    mutation.mutate(
      { id: stakeholder.id, version: stakeholder.version },
      {
        onSuccess: () => {
          close();
          notifications.show({
            color: 'green',
            message: archived ? t('detail.restored') : t('detail.archivedDone'),
          });
        },
        onError: (error) => {
          close();
          if (isApiError(error, 409)) {
            void queryClient.invalidateQueries({ queryKey: stakeholderKeys.detail(stakeholder.id) });
            notifications.show({
              color: 'orange',
              title: t('form.conflictTitle'),
              message: t('detail.conflictReloaded'),
            });
            return;
          }
          notifications.show({ color: 'red', title: t('common:errors.title'), message: problemText(error) });
        },
      },
    );

  return (
    <>
      <Button variant="default" color={archived ? undefined : 'red'} onClick={open}>
        {archived ? t('detail.restore') : t('detail.archive')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={archived ? t('detail.restoreTitle') : t('detail.archiveTitle')}
      >
        <Stack>
          <Text size="sm">
            {archived
              ? t('detail.restoreBody', { name: stakeholder.name })
              : t('detail.archiveBody', { name: stakeholder.name })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button color={archived ? undefined : 'red'} onClick={run} loading={mutation.isPending}>
              {archived ? t('detail.restore') : t('detail.archive')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
