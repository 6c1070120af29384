import { Anchor, Button, Group, Select, Table, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { type Survey, surveyKinds, surveyStatuses } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../app/format';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { SurveyBadges } from './SurveyBadges';
import { SurveyFormModal } from './SurveyFormModal';
import { type SurveyFilters, useSurveys } from './survey.queries';

const noFilters: SurveyFilters = { q: '', kind: null, status: null };

export default function SurveyListPage() {
  const { t, i18n } = useTranslation(['surveys', 'common']);
  const navigate = useNavigate();
  const canWrite = useCan('surveys.write');
  const [filters, setFilters] = useState<SurveyFilters>(noFilters);
  const [q] = useDebouncedValue(filters.q, 250);
  const surveys = useSurveys({ ...filters, q });
  const [creating, { open, close }] = useDisclosure();
  const filtered = q !== '' || filters.kind !== null || filters.status !== null;
  const set = <K extends keyof SurveyFilters>(key: K, value: SurveyFilters[K]) =>
    setFilters((current) => ({ ...current, [key]: value }));

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <>
            <ExportCsvButton
              path="/surveys"
              params={{ q: q.trim(), kind: filters.kind, status: filters.status, sort: '-createdAt' }}
            />
            {canWrite && <Button onClick={open}>{t('list.new')}</Button>}
          </>
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          type="search"
          label={t('list.search')}
          value={filters.q}
          onChange={(event) => set('q', event.currentTarget.value)}
          w={220}
        />
        <Select
          label={t('fields.kind')}
          placeholder={t('list.anyKind')}
          data={surveyKinds.map((value) => ({ value, label: t(`kind.${value}`) }))}
          value={filters.kind}
          onChange={(value) => set('kind', value as Survey['kind'] | null)}
          clearable
          w={180}
        />
        <Select
          label={t('fields.status')}
          placeholder={t('list.anyStatus')}
          data={surveyStatuses.map((value) => ({ value, label: t(`status.${value}`) }))}
          value={filters.status}
          onChange={(value) => set('status', value as Survey['status'] | null)}
          clearable
          w={160}
        />
      </Group>
      {surveys.isPending ? (
        <PageLoader />
      ) : surveys.isError ? (
        <ErrorAlert error={surveys.error} onRetry={() => void surveys.refetch()} />
      ) : surveys.data.length === 0 ? (
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
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover aria-label={t('list.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.title')}</Table.Th>
                <Table.Th>{t('fields.kind')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
                <Table.Th>{t('fields.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {surveys.data.map((survey) => (
                <Table.Tr key={survey.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/surveys/${survey.id}`} fw={500}>
                      {survey.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`kind.${survey.kind}`)}</Table.Td>
                  <Table.Td>
                    <SurveyBadges survey={survey} />
                  </Table.Td>
                  <Table.Td>{formatDate(survey.createdAt, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <SurveyFormModal
        opened={creating}
        onClose={close}
        onSaved={(survey) => void navigate(`/surveys/${survey.id}`)}
      />
    </>
  );
}
