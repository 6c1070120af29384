import { Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { type Improvement, improvementSources, improvementStatuses } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../app/format';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useUserOptions } from '../admin/user.queries';
import { useCan } from '../auth/auth.queries';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { ImprovementDialog } from './ImprovementDialog';
import { SourceLink } from './ImprovementSourceLink';
import { type Filters, type Source, type Status, useImprovements } from './improvement.queries';

const statusColors: Record<Status, string> = {
  proposed: 'gray',
  approved: 'blue',
  in_progress: 'yellow',
  done: 'green',
  rejected: 'red',
};

/** The continual improvement register: every initiative, wherever it came from. */
export default function ImprovementRegisterPage() {
  const { t, i18n } = useTranslation(['improvement', 'reviews', 'common']);
  const canWrite = useCan('approach.write');
  const users = useUserOptions();
  const [filters, setFilters] = useState<Filters>({ q: '', status: null, ownerId: null, sourceType: null });
  const [q] = useDebouncedValue(filters.q, 250);
  const improvements = useImprovements({ ...filters, q });
  const [editing, setEditing] = useState<Improvement | null>(null);
  const [opened, { open, close }] = useDisclosure();
  const filtered =
    q !== '' || filters.status !== null || filters.ownerId !== null || filters.sourceType !== null;
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters((current) => ({ ...current, [key]: value }));
  const nameOf = (id: string | null) =>
    id ? (users.data?.find((user) => user.id === id)?.name ?? t('reviews:improvements.unknownUser')) : '—';
  const startNew = () => {
    setEditing(null);
    open();
  };

  return (
    <>
      <PageHeader
        title={t('register.title')}
        description={t('register.description')}
        actions={
          <>
            <ExportCsvButton
              path="/improvements"
              params={{
                q: q.trim(),
                status: filters.status,
                ownerId: filters.ownerId,
                sourceType: filters.sourceType,
                sort: 'dueOn',
              }}
            />
            {canWrite && <Button onClick={startNew}>{t('register.new')}</Button>}
          </>
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          type="search"
          label={t('register.search')}
          value={filters.q}
          onChange={(event) => set('q', event.currentTarget.value)}
          w={220}
        />
        <Select
          label={t('register.fields.status')}
          placeholder={t('register.anyStatus')}
          data={improvementStatuses.map((value) => ({
            value,
            label: t(`reviews:improvementStatus.${value}`),
          }))}
          value={filters.status}
          onChange={(value) => set('status', value as Status | null)}
          clearable
          w={170}
        />
        <Select
          label={t('register.fields.owner')}
          placeholder={t('register.anyOwner')}
          data={[
            { value: 'none', label: t('reviews:improvements.noOwner') },
            ...(users.data ?? []).map((user) => ({ value: user.id, label: user.name })),
          ]}
          value={filters.ownerId}
          onChange={(value) => set('ownerId', value)}
          searchable
          clearable
          w={200}
        />
        <Select
          label={t('register.fields.source')}
          placeholder={t('register.anySource')}
          data={improvementSources.map((value) => ({ value, label: t(`source.${value}`) }))}
          value={filters.sourceType}
          onChange={(value) => set('sourceType', value as Source | null)}
          clearable
          w={170}
        />
      </Group>
      {improvements.isPending ? (
        <PageLoader />
      ) : improvements.isError ? (
        <ErrorAlert error={improvements.error} onRetry={() => void improvements.refetch()} />
      ) : improvements.data.length === 0 ? (
        <EmptyState
          title={filtered ? t('register.noMatchTitle') : t('register.emptyTitle')}
          description={filtered ? t('register.noMatchBody') : t('register.emptyBody')}
          action={
            canWrite && !filtered ? (
              <Button variant="light" onClick={startNew}>
                {t('register.new')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover aria-label={t('register.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('register.fields.title')}</Table.Th>
                <Table.Th>{t('register.fields.source')}</Table.Th>
                <Table.Th>{t('register.fields.owner')}</Table.Th>
                <Table.Th>{t('register.fields.status')}</Table.Th>
                <Table.Th>{t('register.fields.dueOn')}</Table.Th>
                <Table.Th>{t('register.fields.expectedBenefit')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {improvements.data.map((improvement) => (
                <Table.Tr key={improvement.id}>
                  <Table.Td fw={500}>{improvement.title}</Table.Td>
                  <Table.Td>
                    <SourceLink improvement={improvement} />
                  </Table.Td>
                  <Table.Td>{nameOf(improvement.ownerId)}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColors[improvement.status]} variant="light">
                      {t(`reviews:improvementStatus.${improvement.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{improvement.dueOn ? formatDay(improvement.dueOn, i18n.language) : '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {improvement.expectedBenefit || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {canWrite && (
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => {
                          setEditing(improvement);
                          open();
                        }}
                        aria-label={t('register.editOf', { title: improvement.title })}
                      >
                        {t('common:actions.edit')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ImprovementDialog improvement={editing} opened={opened} onClose={close} />
    </>
  );
}
