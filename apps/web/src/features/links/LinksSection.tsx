import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { StakeholderLink } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemText } from '../../app/forms';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { AddLinkForm } from './AddLinkForm';
import { useDeleteLink } from './link.mutations';
import { useLinks, useStakeholderNetwork } from './link.queries';

/** The stakeholder's direct links, each read from this stakeholder's side. */
export function LinksSection({
  stakeholderId,
  stakeholderName,
}: {
  stakeholderId: string;
  stakeholderName: string;
}) {
  const { t } = useTranslation(['links', 'common']);
  const canWrite = useCan('stakeholders.write');
  const links = useLinks(stakeholderId);
  // The first ring of the network carries the names of the linked stakeholders.
  const neighbours = useStakeholderNetwork(stakeholderId, 1, []);
  const remove = useDeleteLink();
  const names = new Map((neighbours.data?.nodes ?? []).map((node) => [node.id, node.name]));

  const sentence = (link: StakeholderLink) => {
    const otherId = link.fromId === stakeholderId ? link.toId : link.fromId;
    const other = names.get(otherId) ?? '…';
    const type = t(`types.${link.type}`);
    if (!link.directed) return { otherId, other, text: t('links.mutual', { type }) };
    return link.fromId === stakeholderId
      ? { otherId, other, text: t('links.outgoing', { type }) }
      : { otherId, other, text: t('links.incoming', { type }) };
  };

  return (
    <Stack>
      {canWrite && <AddLinkForm stakeholderId={stakeholderId} />}
      {links.isPending ? (
        <PageLoader />
      ) : links.isError ? (
        <ErrorAlert error={links.error} onRetry={() => void links.refetch()} />
      ) : links.data.length === 0 ? (
        <EmptyState
          title={t('links.emptyTitle')}
          description={canWrite ? t('links.emptyBody') : t('links.emptyBodyReadOnly')}
        />
      ) : (
        <Table striped aria-label={t('links.tableLabel', { name: stakeholderName })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('links.relation')}</Table.Th>
              <Table.Th>{t('links.other')}</Table.Th>
              <Table.Th>{t('links.note')}</Table.Th>
              {canWrite && <Table.Th aria-label={t('links.actions')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {links.data.map((link) => {
              const { otherId, other, text } = sentence(link);
              return (
                <Table.Tr key={link.id}>
                  <Table.Td>{text}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/stakeholders/${otherId}`}>
                      {other}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {link.note || '—'}
                    </Text>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('links.removeLabel', { other })}
                        loading={remove.isPending && remove.variables === link.id}
                        onClick={() =>
                          remove.mutate(link.id, {
                            onError: (error) =>
                              notifications.show({ color: 'red', message: problemText(error) }),
                          })
                        }
                      >
                        {t('links.remove')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
