import { Anchor, Badge, Button, Group, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { StakeholderTabs } from '../stakeholders/StakeholderTabs';
import { GroupFormModal } from './GroupFormModal';
import { type GroupArchived, useGroups } from './group.queries';

export default function GroupListPage() {
  const { t } = useTranslation(['groups', 'stakeholders', 'common']);
  const navigate = useNavigate();
  const canWrite = useCan('groups.write');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [archived, setArchived] = useState<GroupArchived>('false');
  const groups = useGroups(debounced, archived);
  const [creating, { open, close }] = useDisclosure();

  const createButton = canWrite && <Button onClick={open}>{t('list.create')}</Button>;

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <>
            <ExportCsvButton
              path="/stakeholder-groups"
              params={{
                q: debounced.trim(),
                archived: archived === 'false' ? undefined : archived,
                sort: 'name',
              }}
            />
            {createButton}
          </>
        }
      />
      <StakeholderTabs />
      <Group mb="md" align="flex-end">
        <TextInput
          type="search"
          label={t('stakeholders:filters.search')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          w={260}
        />
        <SegmentedControl
          aria-label={t('list.archivedFilter')}
          value={archived}
          onChange={(value) => setArchived(value as GroupArchived)}
          data={[
            { value: 'false', label: t('stakeholders:filters.activeOnly') },
            { value: 'true', label: t('stakeholders:filters.includeArchived') },
            { value: 'only', label: t('stakeholders:filters.archivedOnly') },
          ]}
        />
      </Group>
      {groups.isPending ? (
        <PageLoader />
      ) : groups.isError ? (
        <ErrorAlert error={groups.error} onRetry={() => void groups.refetch()} />
      ) : groups.data.length === 0 ? (
        <EmptyState
          title={debounced || archived !== 'false' ? t('list.noMatchTitle') : t('list.emptyTitle')}
          description={canWrite ? t('list.emptyBody') : t('list.emptyBodyReadOnly')}
          action={
            canWrite ? (
              <Button variant="light" onClick={open}>
                {t('list.createFirst')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover aria-label={t('list.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th>{t('fields.members')}</Table.Th>
                <Table.Th>{t('fields.reassessDays')}</Table.Th>
                <Table.Th>{t('fields.keyGroup')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.data.map((group) => (
                <Table.Tr key={group.id}>
                  <Table.Td>
                    <Group gap="xs">
                      <Anchor component={Link} to={`/stakeholders/groups/${group.id}`} fw={500}>
                        {group.name}
                      </Anchor>
                      {group.archivedAt && (
                        <Badge color="gray" size="xs" variant="filled">
                          {t('stakeholders:archived')}
                        </Badge>
                      )}
                    </Group>
                    {group.description && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {group.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{group.memberCount}</Table.Td>
                  <Table.Td>
                    {group.reassessDays ? t('list.everyDays', { count: group.reassessDays }) : '—'}
                  </Table.Td>
                  <Table.Td>{group.keyGroup ? t('common:yes') : t('common:no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <GroupFormModal
        opened={creating}
        onClose={close}
        onSaved={(group) => void navigate(`/stakeholders/groups/${group.id}`)}
      />
    </>
  );
}
