import { Anchor, Button, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import {
  type ExceptionSeverity,
  type ExceptionStatus,
  type ExceptionType,
  exceptionSeverities,
  exceptionStatuses,
  exceptionTypes,
} from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate, formatDay } from '../../app/format';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { ExceptionBadges, SeverityBadge } from './ExceptionBadges';
import { type ExceptionFilters, useExceptions } from './exception.queries';
import { RaiseExceptionModal } from './RaiseExceptionModal';

const noFilters: ExceptionFilters = {
  q: '',
  status: null,
  type: null,
  severity: null,
  open: false,
  overdue: false,
};

export default function ExceptionListPage() {
  const { t, i18n } = useTranslation(['exceptions', 'common']);
  const navigate = useNavigate();
  const canReport = useCan('exceptions.report');
  const [filters, setFilters] = useState<ExceptionFilters>(noFilters);
  const [q] = useDebouncedValue(filters.q, 250);
  const exceptions = useExceptions({ ...filters, q });
  const [raising, { open, close }] = useDisclosure();
  const filtered =
    q !== '' ||
    filters.status !== null ||
    filters.type !== null ||
    filters.severity !== null ||
    filters.open ||
    filters.overdue;
  const set = <K extends keyof ExceptionFilters>(key: K, value: ExceptionFilters[K]) =>
    setFilters((current) => ({ ...current, [key]: value }));
  const rows = exceptions.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <>
            <ExportCsvButton
              path="/exceptions"
              params={{
                q: q.trim(),
                status: filters.status,
                type: filters.type,
                severity: filters.severity,
                open: filters.open ? 'true' : undefined,
                overdue: filters.overdue ? 'true' : undefined,
                relationshipId: filters.relationshipId,
                sort: '-createdAt',
              }}
            />
            {canReport && <Button onClick={open}>{t('list.raise')}</Button>}
          </>
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          type="search"
          label={t('list.search')}
          value={filters.q}
          onChange={(event) => set('q', event.currentTarget.value)}
          w={200}
        />
        <Select
          label={t('fields.status')}
          placeholder={t('list.anyStatus')}
          data={exceptionStatuses.map((value) => ({ value, label: t(`status.${value}`) }))}
          value={filters.status}
          onChange={(value) => set('status', value as ExceptionStatus | null)}
          clearable
          w={160}
        />
        <Select
          label={t('fields.type')}
          placeholder={t('list.anyType')}
          data={exceptionTypes.map((value) => ({ value, label: t(`type.${value}`) }))}
          value={filters.type}
          onChange={(value) => set('type', value as ExceptionType | null)}
          clearable
          w={190}
        />
        <Select
          label={t('fields.severity')}
          placeholder={t('list.anySeverity')}
          data={exceptionSeverities.map((value) => ({ value, label: t(`severity.${value}`) }))}
          value={filters.severity}
          onChange={(value) => set('severity', value as ExceptionSeverity | null)}
          clearable
          w={150}
        />
        <Checkbox
          label={t('list.openOnly')}
          checked={filters.open}
          onChange={(event) => set('open', event.currentTarget.checked)}
          mb={8}
        />
        <Checkbox
          label={t('list.overdueOnly')}
          checked={filters.overdue}
          onChange={(event) => set('overdue', event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {exceptions.isPending ? (
        <PageLoader />
      ) : exceptions.isError ? (
        <ErrorAlert error={exceptions.error} onRetry={() => void exceptions.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState
          title={filtered ? t('list.noMatchTitle') : t('list.emptyTitle')}
          description={
            filtered ? t('list.noMatchBody') : canReport ? t('list.emptyBody') : t('list.emptyBodyReadOnly')
          }
          action={
            canReport && !filtered ? (
              <Button variant="light" onClick={open}>
                {t('list.raiseFirst')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <>
          <Table.ScrollContainer minWidth={860}>
            <Table striped highlightOnHover aria-label={t('list.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.title')}</Table.Th>
                  <Table.Th>{t('fields.type')}</Table.Th>
                  <Table.Th>{t('fields.severity')}</Table.Th>
                  <Table.Th>{t('fields.status')}</Table.Th>
                  <Table.Th>{t('fields.dueOn')}</Table.Th>
                  <Table.Th>{t('fields.raisedOn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((exception) => (
                  <Table.Tr key={exception.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/exceptions/${exception.id}`} fw={500}>
                        {exception.title}
                      </Anchor>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {exception.relationshipName ?? t('list.between')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {t(`type.${exception.type}`)}
                      {exception.toxicBehaviour && (
                        <Text size="xs" c="dimmed">
                          {t(`toxic.${exception.toxicBehaviour}`)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <SeverityBadge severity={exception.severity} />
                    </Table.Td>
                    <Table.Td>
                      <ExceptionBadges exception={exception} />
                    </Table.Td>
                    <Table.Td>
                      {exception.dueOn ? formatDay(exception.dueOn, i18n.language) : t('none')}
                    </Table.Td>
                    <Table.Td>{formatDate(exception.createdAt, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {exceptions.hasNextPage && (
            <Group justify="center" mt="md">
              <Button
                variant="default"
                loading={exceptions.isFetchingNextPage}
                onClick={() => void exceptions.fetchNextPage()}
              >
                {t('list.more')}
              </Button>
            </Group>
          )}
        </>
      )}
      <RaiseExceptionModal
        opened={raising}
        onClose={close}
        onSaved={(exception) => void navigate(`/exceptions/${exception.id}`)}
      />
    </>
  );
}
