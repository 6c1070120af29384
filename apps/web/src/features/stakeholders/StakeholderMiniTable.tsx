import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import type { Stakeholder } from '@rapport/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { QuadrantBadge } from './StakeholderBadges';
import type { useStakeholderList } from './stakeholder.queries';

export interface ExtraColumn {
  header: string;
  cell: (stakeholder: Stakeholder) => ReactNode;
}

interface Props {
  list: ReturnType<typeof useStakeholderList>;
  label: string;
  columns?: ExtraColumn[];
  empty: ReactNode;
}

/** A compact, paged table of stakeholders for the analysis screens; extra columns say why they are listed. */
export function StakeholderMiniTable({ list, label, columns = [], empty }: Props) {
  const { t } = useTranslation(['stakeholders', 'common', 'enums']);
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data.pages.flatMap((page) => page.data);
  if (rows.length === 0) return empty;
  const total = list.data.pages[0]?.total;

  return (
    <>
      <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
        {total !== undefined
          ? t('list.count', { shown: rows.length, count: total })
          : t('list.shown', { count: rows.length })}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover verticalSpacing="xs" aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('fields.category')}</Table.Th>
              <Table.Th>{t('fields.quadrant')}</Table.Th>
              {columns.map((column) => (
                <Table.Th key={column.header}>{column.header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((stakeholder) => (
              <Table.Tr key={stakeholder.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/stakeholders/${stakeholder.id}`} fw={500}>
                    {stakeholder.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`enums:category.${stakeholder.category}`)}</Table.Td>
                <Table.Td>
                  <QuadrantBadge quadrant={stakeholder.quadrant} />
                </Table.Td>
                {columns.map((column) => (
                  <Table.Td key={column.header}>{column.cell(stakeholder)}</Table.Td>
                ))}
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
  );
}
