import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { apiBase, withQuery } from '../../app/api';
import { formatDate } from '../../app/format';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useUserOptions } from '../admin/user.queries';
import { useCan } from '../auth/auth.queries';
import { SortableHeader } from './SortableHeader';
import { QuadrantBadge, SalienceBadge } from './StakeholderBadges';
import { StakeholderFilterBar } from './StakeholderFilterBar';
import { StakeholderTabs } from './StakeholderTabs';
import {
  filterParams,
  filtersFromSearch,
  hasActiveFilters,
  type StakeholderFilters,
  searchFromFilters,
} from './stakeholder.filters';
import { useStakeholderList } from './stakeholder.queries';

export default function StakeholderListPage() {
  const { t, i18n } = useTranslation(['stakeholders', 'common', 'enums']);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const canWrite = useCan('stakeholders.write');
  const users = useUserOptions(useCan('users.read'));
  const list = useStakeholderList(filters);

  const ownerNames = useMemo(
    () => new Map((users.data ?? []).map((user) => [user.id, user.name])),
    [users.data],
  );
  const setFilters = (next: StakeholderFilters) =>
    setSearchParams(searchFromFilters(next), { replace: true });
  const clearFilters = () =>
    setSearchParams(searchFromFilters({ ...filtersFromSearch(new URLSearchParams()) }));
  const rows = list.data?.pages.flatMap((page) => page.data) ?? [];
  const total = list.data?.pages[0]?.total;
  const filtered = hasActiveFilters(filters);

  // A plain link: the browser downloads the CSV the server writes for the same filters and sort.
  const exportHref = `${apiBase}${withQuery('/stakeholders/export', { ...filterParams(filters), sort: filters.sort })}`;
  const actions = (
    <>
      <Button component="a" href={exportHref} download variant="default">
        {t('list.exportCsv')}
      </Button>
      {canWrite && (
        <Button component={Link} to="/stakeholders/new">
          {t('list.create')}
        </Button>
      )}
    </>
  );

  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.description')} actions={actions} />
      <StakeholderTabs />
      <StakeholderFilterBar filters={filters} onChange={setFilters} onClear={clearFilters} />
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState
            title={t('list.noMatchTitle')}
            description={t('list.noMatchBody')}
            action={
              <Button variant="light" onClick={clearFilters}>
                {t('filters.clear')}
              </Button>
            }
          />
        ) : (
          <EmptyState
            title={t('list.emptyTitle')}
            description={canWrite ? t('list.emptyBody') : t('list.emptyBodyReadOnly')}
            action={
              canWrite ? (
                <Button component={Link} to="/stakeholders/new" variant="light">
                  {t('list.createFirst')}
                </Button>
              ) : undefined
            }
          />
        )
      ) : (
        <>
          <Group justify="space-between" mb="xs">
            <Text size="sm" c="dimmed" aria-live="polite">
              {total !== undefined
                ? t('list.count', { shown: rows.length, count: total })
                : t('list.shown', { count: rows.length })}
            </Text>
          </Group>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('list.title')}>
              <Table.Thead>
                <Table.Tr>
                  <SortableHeader
                    field="name"
                    sort={filters.sort}
                    onSort={(sort) => setFilters({ ...filters, sort })}
                  >
                    {t('fields.name')}
                  </SortableHeader>
                  <Table.Th>{t('fields.category')}</Table.Th>
                  <Table.Th>{t('fields.scope')}</Table.Th>
                  <SortableHeader
                    field="influence"
                    sort={filters.sort}
                    onSort={(sort) => setFilters({ ...filters, sort })}
                  >
                    {t('fields.influence')}
                  </SortableHeader>
                  <SortableHeader
                    field="interest"
                    sort={filters.sort}
                    onSort={(sort) => setFilters({ ...filters, sort })}
                  >
                    {t('fields.interest')}
                  </SortableHeader>
                  <Table.Th>{t('fields.quadrant')}</Table.Th>
                  <Table.Th>{t('fields.salience')}</Table.Th>
                  <Table.Th>{t('fields.owner')}</Table.Th>
                  <Table.Th>{t('fields.tags')}</Table.Th>
                  <SortableHeader
                    field="updatedAt"
                    sort={filters.sort}
                    onSort={(sort) => setFilters({ ...filters, sort })}
                  >
                    {t('fields.updatedAt')}
                  </SortableHeader>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((stakeholder) => (
                  <Table.Tr key={stakeholder.id}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor component={Link} to={`/stakeholders/${stakeholder.id}`} fw={500}>
                          {stakeholder.name}
                        </Anchor>
                        {stakeholder.archivedAt && (
                          <Badge color="gray" size="xs" variant="filled">
                            {t('archived')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{t(`enums:category.${stakeholder.category}`)}</Table.Td>
                    <Table.Td>{t(`enums:scope.${stakeholder.scope}`)}</Table.Td>
                    <Table.Td ta="center">{stakeholder.influence}</Table.Td>
                    <Table.Td ta="center">{stakeholder.interest}</Table.Td>
                    <Table.Td>
                      <QuadrantBadge quadrant={stakeholder.quadrant} />
                    </Table.Td>
                    <Table.Td>
                      <SalienceBadge salience={stakeholder.salience} />
                    </Table.Td>
                    <Table.Td>
                      {stakeholder.ownerId ? (ownerNames.get(stakeholder.ownerId) ?? '—') : t('noOwner')}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {stakeholder.tags.map((tag) => (
                          <Badge key={tag} size="xs" variant="default" tt="none" miw="max-content">
                            {tag}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(stakeholder.updatedAt, i18n.language)}
                      </Text>
                    </Table.Td>
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
                {t('list.loadMore')}
              </Button>
            </Group>
          )}
        </>
      )}
    </>
  );
}
