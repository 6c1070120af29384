import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { CultureAssessment } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDay } from '../../app/format';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ApproachTabs } from '../approach/ApproachTabs';
import { useCan } from '../auth/auth.queries';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { useOrgUnitPaths } from '../org-units/org-unit.queries';
import { frequentToxicBehaviours } from './culture.compare';
import { type CultureArchived, useCultureAssessments } from './culture.queries';
import { SubjectFilter } from './SubjectFilter';

export default function CultureListPage() {
  const { t, i18n } = useTranslation(['culture']);
  const navigate = useNavigate();
  const canWrite = useCan('approach.write');
  const [search, setSearch] = useSearchParams();
  const orgUnitId = search.get('orgUnitId');
  const archived = (search.get('archived') ?? 'false') as CultureArchived;
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const assessments = useCultureAssessments({ q: debounced, orgUnitId, archived });
  const unitPath = useOrgUnitPaths();
  const [selected, setSelected] = useState<string[]>([]);

  const setParam = (key: string, value: string | null) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null || value === '' || (key === 'archived' && value === 'false')) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const rows = assessments.data?.pages.flatMap((page) => page.data) ?? [];
  const total = assessments.data?.pages[0]?.total;
  const newHref =
    orgUnitId && orgUnitId !== 'none'
      ? `/approach/culture/new?orgUnitId=${encodeURIComponent(orgUnitId)}`
      : '/approach/culture/new';
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => (on ? [...current, id].slice(-2) : current.filter((other) => other !== id)));
  const compare = () => {
    const [a, b] = selected;
    if (a && b)
      void navigate(`/approach/culture/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
  };
  const subjectOf = (assessment: CultureAssessment) =>
    assessment.orgUnitId ? unitPath(assessment.orgUnitId) : t('wholeOrganisation');
  const filtered = Boolean(debounced || orgUnitId || archived !== 'false');

  return (
    <>
      <ApproachTabs />
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <>
            <ExportCsvButton
              path="/culture-assessments"
              params={{
                q: debounced.trim(),
                orgUnitId,
                archived: archived === 'false' ? undefined : archived,
                sort: '-assessedOn',
              }}
            />
            {canWrite && (
              <Button component={Link} to={newHref}>
                {t('list.create')}
              </Button>
            )}
          </>
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t('list.search')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          w={240}
        />
        <SubjectFilter value={orgUnitId} onChange={(value) => setParam('orgUnitId', value)} />
        <SegmentedControl
          aria-label={t('list.archivedFilter')}
          value={archived}
          onChange={(value) => setParam('archived', value)}
          data={[
            { value: 'false', label: t('list.activeOnly') },
            { value: 'true', label: t('list.includeArchived') },
            { value: 'only', label: t('list.archivedOnly') },
          ]}
        />
      </Group>
      {assessments.isPending ? (
        <PageLoader />
      ) : assessments.isError ? (
        <ErrorAlert error={assessments.error} onRetry={() => void assessments.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState
          title={filtered ? t('list.noMatchTitle') : t('list.emptyTitle')}
          description={
            filtered ? t('list.noMatchBody') : canWrite ? t('list.emptyBody') : t('list.emptyBodyReadOnly')
          }
          action={
            canWrite ? (
              <Button variant="light" component={Link} to={newHref}>
                {t('list.createFirst')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <>
          <Group justify="space-between" mb="xs" wrap="wrap">
            <Text size="sm" c="dimmed" aria-live="polite">
              {selected.length === 2
                ? t('list.compareReady')
                : t('list.compareHint', { count: selected.length })}
            </Text>
            <Button variant="light" disabled={selected.length !== 2} onClick={compare}>
              {t('list.compareSelected')}
            </Button>
          </Group>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover aria-label={t('list.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('list.select')}</Table.Th>
                  <Table.Th scope="col">{t('fields.title')}</Table.Th>
                  <Table.Th scope="col">{t('fields.unit')}</Table.Th>
                  <Table.Th scope="col">{t('fields.assessedOn')}</Table.Th>
                  <Table.Th scope="col">{t('fields.dominantType')}</Table.Th>
                  <Table.Th scope="col">{t('list.toxicColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((assessment) => {
                  const frequent = frequentToxicBehaviours(assessment);
                  const checked = selected.includes(assessment.id);
                  return (
                    <Table.Tr key={assessment.id}>
                      <Table.Td>
                        <Checkbox
                          aria-label={t('list.selectToCompare', { title: assessment.title })}
                          checked={checked}
                          onChange={(event) => toggle(assessment.id, event.currentTarget.checked)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          <Anchor component={Link} to={`/approach/culture/${assessment.id}`} fw={500}>
                            {assessment.title}
                          </Anchor>
                          {assessment.archivedAt && (
                            <Badge color="gray" size="xs" variant="filled">
                              {t('archivedBadge')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{subjectOf(assessment)}</Table.Td>
                      <Table.Td>{formatDay(assessment.assessedOn, i18n.language)}</Table.Td>
                      <Table.Td>{t(`types.${assessment.dominantType}.name`)}</Table.Td>
                      <Table.Td>
                        {frequent.length
                          ? frequent
                              .map((behaviour) => t(`toxic.${behaviour}.name`))
                              .join(t('list.separator'))
                          : t('list.noneFrequent')}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" mt="sm">
            {total !== undefined && (
              <Text size="sm" c="dimmed">
                {t('list.count', { count: total })}
              </Text>
            )}
            {assessments.hasNextPage && (
              <Button
                variant="default"
                onClick={() => void assessments.fetchNextPage()}
                loading={assessments.isFetchingNextPage}
              >
                {t('list.loadMore')}
              </Button>
            )}
          </Group>
        </>
      )}
    </>
  );
}
