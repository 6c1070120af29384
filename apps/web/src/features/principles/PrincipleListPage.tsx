import { Anchor, Badge, Button, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { type AgreementStatus, agreementStatuses } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../app/format';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ApproachTabs } from '../approach/ApproachTabs';
import { useCan } from '../auth/auth.queries';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { AgreementStatusBadge } from './AgreementStatusBadge';
import { NextReview } from './NextReview';
import { PrincipleFormModal } from './PrincipleFormModal';
import { emptyPrincipleFilters, type PrincipleFilters, usePrinciples } from './principle.queries';

export default function PrincipleListPage() {
  const { t, i18n } = useTranslation(['principles', 'common']);
  const navigate = useNavigate();
  const canWrite = useCan('approach.write');
  const [filters, setFilters] = useState<PrincipleFilters>(emptyPrincipleFilters);
  const [q] = useDebouncedValue(filters.q, 250);
  const principles = usePrinciples({ ...filters, q });
  const [creating, { open, close }] = useDisclosure();
  const filtered = q !== '' || filters.status !== null || filters.inForce !== null || filters.reviewDue;
  const set = <K extends keyof PrincipleFilters>(key: K, value: PrincipleFilters[K]) =>
    setFilters((current) => ({ ...current, [key]: value }));

  return (
    <>
      <ApproachTabs />
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <>
            <ExportCsvButton
              path="/principles"
              params={{
                q: q.trim(),
                status: filters.status,
                inForce: filters.inForce,
                reviewDue: filters.reviewDue ? 'true' : undefined,
                sort: 'title',
              }}
            />
            {canWrite && <Button onClick={open}>{t('list.create')}</Button>}
          </>
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          type="search"
          label={t('list.search')}
          value={filters.q}
          onChange={(event) => set('q', event.currentTarget.value)}
          w={240}
        />
        <Select
          label={t('fields.status')}
          placeholder={t('list.anyStatus')}
          data={agreementStatuses.map((value) => ({ value, label: t(`status.${value}`) }))}
          value={filters.status}
          onChange={(value) => set('status', value as AgreementStatus | null)}
          clearable
          w={180}
        />
        <Select
          label={t('list.inForceFilter')}
          placeholder={t('list.inForceAny')}
          data={[
            { value: 'true', label: t('list.inForceYes') },
            { value: 'false', label: t('list.inForceNo') },
          ]}
          value={filters.inForce}
          onChange={(value) => set('inForce', value as PrincipleFilters['inForce'])}
          clearable
          w={200}
        />
        <Checkbox
          label={t('list.reviewDueFilter')}
          checked={filters.reviewDue}
          onChange={(event) => set('reviewDue', event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {principles.isPending ? (
        <PageLoader />
      ) : principles.isError ? (
        <ErrorAlert error={principles.error} onRetry={() => void principles.refetch()} />
      ) : principles.data.length === 0 ? (
        <EmptyState
          title={filtered ? t('list.noMatchTitle') : t('list.emptyTitle')}
          description={
            filtered ? t('list.noMatchBody') : canWrite ? t('list.emptyBody') : t('list.emptyBodyReadOnly')
          }
          action={
            canWrite && !filtered ? (
              <Button variant="light" onClick={open}>
                {t('list.createFirst')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('list.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.title')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
                <Table.Th>{t('fields.inForce')}</Table.Th>
                <Table.Th>{t('fields.nextReviewOn')}</Table.Th>
                <Table.Th>{t('fields.updatedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {principles.data.map((principle) => (
                <Table.Tr key={principle.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/approach/principles/${principle.id}`} fw={500}>
                      {principle.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <AgreementStatusBadge status={principle.status} />
                      <Text size="xs" c="dimmed">
                        {t('list.versionNumber', { number: principle.currentVersion })}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {principle.agreedVersion !== null ? (
                      <Badge color="green" variant="outline">
                        {t('list.inForceVersion', { number: principle.agreedVersion })}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('list.notInForce')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <NextReview
                      nextReviewOn={principle.nextReviewOn}
                      inForce={principle.agreedVersion !== null}
                    />
                  </Table.Td>
                  <Table.Td>{formatDate(principle.updatedAt, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PrincipleFormModal
        opened={creating}
        onClose={close}
        onSaved={(principle) => void navigate(`/approach/principles/${principle.id}`)}
      />
    </>
  );
}
