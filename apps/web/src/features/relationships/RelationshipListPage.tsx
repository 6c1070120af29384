import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useCurrentUser } from '../auth/auth.queries';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { HealthBadge } from './health/HealthBadge';
import { RelationshipFilterBar } from './RelationshipFilterBar';
import { currentStepNames, useUserName } from './relationship.names';
import { emptyRelationshipFilters, type RelationshipFilters, useRelationships } from './relationship.queries';
import { StakeholderLink } from './StakeholderLink';
import { StatusBadge } from './StatusBadge';

export default function RelationshipListPage() {
  const { t } = useTranslation(['relationships', 'common']);
  const me = useCurrentUser();
  const [filters, setFilters] = useState<RelationshipFilters>(emptyRelationshipFilters);
  const [q] = useDebouncedValue(filters.q, 250);
  const list = useRelationships({ ...filters, q }, filters.manager === 'mine' ? me.id : null);
  const userName = useUserName();
  const rows = list.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = Object.entries(filters).some(([key, value]) => (key === 'q' ? q !== '' : value !== null));

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <>
            <ExportCsvButton
              path="/relationships"
              params={{
                q: q.trim(),
                status: filters.status,
                managerId: filters.manager === 'mine' ? me.id : null,
                agentId: filters.agentId,
                modelId: filters.modelId,
                sort: 'name',
              }}
            />
            <Button component={Link} to="/relationships/board" variant="default">
              {t('board.open')}
            </Button>
          </>
        }
      />
      <RelationshipFilterBar filters={filters} onChange={setFilters} />
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState
          title={filtered ? t('list.noMatchTitle') : t('list.emptyTitle')}
          description={filtered ? t('list.noMatchBody') : t('list.emptyBody')}
          action={
            !filtered && (
              <Button component={Link} to="/stakeholders" variant="light">
                {t('list.goToStakeholders')}
              </Button>
            )
          }
        />
      ) : (
        <>
          <Table.ScrollContainer minWidth={1040}>
            <Table striped highlightOnHover aria-label={t('list.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('fields.stakeholder')}</Table.Th>
                  <Table.Th>{t('fields.status')}</Table.Th>
                  <Table.Th>{t('health.title')}</Table.Th>
                  <Table.Th>{t('fields.maturity')}</Table.Th>
                  <Table.Th>{t('fields.model')}</Table.Th>
                  <Table.Th>{t('fields.currentSteps')}</Table.Th>
                  <Table.Th>{t('fields.manager')}</Table.Th>
                  <Table.Th>{t('fields.agent')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((relationship) => (
                  <Table.Tr key={relationship.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/relationships/${relationship.id}`} fw={500}>
                        {relationship.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <StakeholderLink id={relationship.stakeholderId} name={relationship.stakeholderName} />
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={relationship.status} />
                    </Table.Td>
                    <Table.Td>
                      <HealthBadge health={relationship.health} />
                    </Table.Td>
                    <Table.Td>{t(`maturity.${relationship.maturity}`)}</Table.Td>
                    <Table.Td>
                      {relationship.modelId ? (
                        <Anchor component={Link} to={`/approach/models/${relationship.modelId}`} size="sm">
                          {relationship.modelName}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('noModel')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{currentStepNames(relationship).join(', ') || '—'}</Table.Td>
                    <Table.Td>{userName(relationship.managerId) ?? '—'}</Table.Td>
                    <Table.Td>{userName(relationship.agentId) ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.hasNextPage && (
            <Group justify="center" mt="md">
              <Button
                variant="default"
                onClick={() => void list.fetchNextPage()}
                loading={list.isFetchingNextPage}
              >
                {t('common:actions.loadMore')}
              </Button>
            </Group>
          )}
        </>
      )}
    </>
  );
}
