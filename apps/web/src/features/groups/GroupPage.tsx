import { Alert, Anchor, Badge, Button, Group, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { LinkType } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { problemText } from '../../app/forms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { NetworkView } from '../links/NetworkView';
import { GroupFormModal } from './GroupFormModal';
import { GroupMembers } from './GroupMembers';
import { useArchiveGroup } from './group.mutations';
import { useGroup, useGroupNetwork } from './group.queries';

export default function GroupPage() {
  const { t } = useTranslation(['groups', 'stakeholders', 'common']);
  const { id = '' } = useParams();
  const group = useGroup(id);
  const canWrite = useCan('groups.write');
  const archive = useArchiveGroup();
  const [editing, { open, close }] = useDisclosure();
  const [depth, setDepth] = useState(1);
  const [types, setTypes] = useState<LinkType[]>([]);
  const network = useGroupNetwork(id, depth, types);

  if (group.isPending) return <PageLoader />;
  if (group.isError) return <ErrorAlert error={group.error} onRetry={() => void group.refetch()} />;
  const g = group.data;
  const archived = Boolean(g.archivedAt);

  const toggleArchive = () =>
    archive.mutate(
      { id: g.id, version: g.version, archived },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: archived ? t('detail.restored') : t('detail.archived'),
          }),
        onError: (error) => notifications.show({ color: 'red', message: problemText(error) }),
      },
    );

  return (
    <>
      <Anchor component={Link} to="/stakeholders/groups" size="sm">
        ← {t('detail.back')}
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {g.name}
            {g.keyGroup && <Badge variant="light">{t('fields.keyGroup')}</Badge>}
            {archived && (
              <Badge color="gray" variant="filled">
                {t('stakeholders:archived')}
              </Badge>
            )}
          </Group>
        }
        description={[
          g.description,
          t('detail.memberCount', { count: g.memberCount }),
          g.reassessDays ? t('list.everyDays', { count: g.reassessDays }) : t('detail.noInterval'),
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          <>
            <Button
              variant="light"
              component={Link}
              to={`/stakeholders/map?groupId=${encodeURIComponent(g.id)}`}
            >
              {t('detail.showOnMap')}
            </Button>
            {canWrite && !archived && (
              <Button variant="default" onClick={open}>
                {t('common:actions.edit')}
              </Button>
            )}
            {canWrite && (
              <Button
                variant="default"
                color={archived ? undefined : 'red'}
                onClick={toggleArchive}
                loading={archive.isPending}
              >
                {archived ? t('detail.restore') : t('detail.archive')}
              </Button>
            )}
          </>
        }
      />
      {archived && (
        <Alert color="gray" mb="md">
          <Text size="sm">{t('detail.archivedNotice')}</Text>
        </Alert>
      )}
      <Tabs defaultValue="members" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="members">{t('members.title')}</Tabs.Tab>
          <Tabs.Tab value="network">{t('detail.network')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members" pt="md">
          <GroupMembers groupId={g.id} archived={archived} />
        </Tabs.Panel>
        <Tabs.Panel value="network" pt="md">
          <NetworkView
            query={network}
            centreIds={[]}
            depth={depth}
            onDepth={setDepth}
            types={types}
            onTypes={setTypes}
            label={t('detail.networkLabel', { name: g.name })}
          />
        </Tabs.Panel>
      </Tabs>
      <GroupFormModal opened={editing} onClose={close} group={g} />
    </>
  );
}
