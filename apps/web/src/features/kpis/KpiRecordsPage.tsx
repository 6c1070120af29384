import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDay } from '../../app/format';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { KpiFilterBar } from './KpiFilterBar';
import { KpiTrendChart } from './KpiTrendChart';
import { searchOf, useKpiQueryFromUrl } from './kpi.filters';
import { formatKpiValue, recordLink, statusColor } from './kpi.format';
import { useKpi, useKpiRecords } from './kpi.queries';

/** The drill-down: the records behind a KPI's value for the period, each linked to its page. */
export default function KpiRecordsPage() {
  const { key = '' } = useParams();
  const { t, i18n } = useTranslation('kpis');
  const [query, set] = useKpiQueryFromUrl();
  const kpi = useKpi(key, query);
  const records = useKpiRecords(key, query);
  const rows = records.data?.pages.flatMap((page) => page.data) ?? [];
  const when = (date: string | null) =>
    date === null
      ? '—'
      : date.length === 10
        ? formatDay(date, i18n.language)
        : formatDate(date, i18n.language);

  if (kpi.isPending) return <PageLoader />;
  if (kpi.isError) return <ErrorAlert error={kpi.error} />;
  const k = kpi.data;
  return (
    <>
      <Anchor component={Link} to={`/kpis${searchOf(query)}`} size="sm">
        ← {t('back')}
      </Anchor>
      <PageHeader
        title={t(`names.${k.key}`)}
        description={t(`definitions.${k.key}`)}
        actions={
          <Badge color={statusColor[k.status]} variant="light" size="lg">
            {formatKpiValue(k.value, k.unit, i18n.language)} · {t(`status.${k.status}`)}
          </Badge>
        }
      />
      <KpiFilterBar query={query} set={set} />
      <Stack gap="md">
        <div style={{ maxWidth: 480 }}>
          <KpiTrendChart kpi={k} height={120} />
        </div>
        {k.denominator !== null && (
          <Text size="sm">
            {t(`fraction.${k.unit}`, { numerator: k.numerator ?? 0, denominator: k.denominator })}
          </Text>
        )}
        {records.isError ? (
          <ErrorAlert error={records.error} />
        ) : rows.length === 0 && !records.isPending ? (
          <EmptyState title={t('records.emptyTitle')} description={t(`empty.${k.key}`)} />
        ) : (
          <Table striped highlightOnHover>
            <Table.Caption>{t('records.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('records.record')}</Table.Th>
                <Table.Th>{t('records.kind')}</Table.Th>
                <Table.Th>{t('records.date')}</Table.Th>
                <Table.Th>{t('records.value')}</Table.Th>
                <Table.Th>{t('records.counted')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const link = recordLink(row);
                const label = row.label || t(`entities.${row.entity}`);
                return (
                  <Table.Tr key={`${row.id}:${row.parentId ?? ''}`}>
                    <Table.Td>
                      {link ? (
                        <Anchor component={Link} to={link}>
                          {label}
                        </Anchor>
                      ) : (
                        label
                      )}
                    </Table.Td>
                    <Table.Td>{t(`entities.${row.entity}`)}</Table.Td>
                    <Table.Td>{when(row.date)}</Table.Td>
                    <Table.Td>{row.value ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge color={row.counted ? 'teal' : 'gray'} variant="light">
                        {row.counted ? t('records.yes') : t('records.no')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {records.hasNextPage && (
          <Group>
            <Button
              variant="default"
              loading={records.isFetchingNextPage}
              onClick={() => void records.fetchNextPage()}
            >
              {t('records.more')}
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
