import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type AgreementStatus, agreementStatuses } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ApproachTabs } from '../approach/ApproachTabs';
import { useCan } from '../auth/auth.queries';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { useGroups } from '../groups/group.queries';
import { AgreementStatusBadge } from '../principles/AgreementStatusBadge';
import { CoveragePanel } from './CoveragePanel';
import { emptyModelFilters, type ModelFilters, useModels } from './model.queries';
import { RelationshipTypeBadge } from './RelationshipTypeBadge';
import { TemplateGallery } from './TemplateGallery';

export default function ModelListPage() {
  const { t } = useTranslation(['models', 'principles']);
  const canWrite = useCan('approach.write');
  const [filters, setFilters] = useState<ModelFilters>(emptyModelFilters);
  const [q] = useDebouncedValue(filters.q, 250);
  const models = useModels({ ...filters, q });
  const groups = useGroups();
  const filtered =
    q !== '' || filters.status !== null || filters.inForce !== null || filters.groupId !== null;
  const set = <K extends keyof ModelFilters>(key: K, value: ModelFilters[K]) =>
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
              path="/relationship-models"
              params={{
                q: q.trim(),
                status: filters.status,
                inForce: filters.inForce,
                groupId: filters.groupId,
                sort: 'name',
              }}
            />
            {canWrite && (
              <Button component={Link} to="/approach/models/new">
                {t('list.create')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="xl">
        <CoveragePanel />
        <Stack gap="md" component="section" aria-labelledby="model-list-title">
          <Title order={2} size="h4" id="model-list-title">
            {t('list.modelsHeading')}
          </Title>
          <Group align="flex-end">
            <TextInput
              type="search"
              label={t('list.search')}
              value={filters.q}
              onChange={(event) => set('q', event.currentTarget.value)}
              w={220}
            />
            <Select
              label={t('fields.status')}
              placeholder={t('list.anyStatus')}
              data={agreementStatuses.map((value) => ({ value, label: t(`principles:status.${value}`) }))}
              value={filters.status}
              onChange={(value) => set('status', value as AgreementStatus | null)}
              clearable
              w={170}
            />
            <Select
              label={t('list.inForceFilter')}
              placeholder={t('list.inForceAny')}
              data={[
                { value: 'true', label: t('list.inForceYes') },
                { value: 'false', label: t('list.inForceNo') },
              ]}
              value={filters.inForce}
              onChange={(value) => set('inForce', value as ModelFilters['inForce'])}
              clearable
              w={190}
            />
            <Select
              label={t('fields.groups')}
              placeholder={t('list.anyGroup')}
              data={(groups.data ?? []).map((group) => ({ value: group.id, label: group.name }))}
              value={filters.groupId}
              onChange={(value) => set('groupId', value)}
              searchable
              clearable
              w={220}
            />
          </Group>
          {models.isPending ? (
            <PageLoader />
          ) : models.isError ? (
            <ErrorAlert error={models.error} onRetry={() => void models.refetch()} />
          ) : models.data.length === 0 ? (
            <EmptyState
              title={filtered ? t('list.noMatchTitle') : t('list.emptyTitle')}
              description={
                filtered
                  ? t('list.noMatchBody')
                  : canWrite
                    ? t('list.emptyBody')
                    : t('list.emptyBodyReadOnly')
              }
            />
          ) : (
            <Table.ScrollContainer minWidth={820}>
              <Table striped highlightOnHover aria-label={t('list.modelsHeading')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.name')}</Table.Th>
                    <Table.Th>{t('fields.status')}</Table.Th>
                    <Table.Th>{t('list.inForceFilter')}</Table.Th>
                    <Table.Th>{t('fields.relationshipType')}</Table.Th>
                    <Table.Th>{t('fields.groups')}</Table.Th>
                    <Table.Th>{t('list.steps')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {models.data.map((model) => (
                    <Table.Tr key={model.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/approach/models/${model.id}`} fw={500}>
                          {model.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <AgreementStatusBadge status={model.status} />
                          <Text size="xs" c="dimmed">
                            {t('list.versionNumber', { number: model.currentVersion })}
                          </Text>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {model.agreedVersion !== null ? (
                          <Text size="sm" c="green.8" fw={600} style={{ whiteSpace: 'nowrap' }}>
                            {t('list.inForceVersion', { number: model.agreedVersion })}
                          </Text>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('list.notInForce')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <RelationshipTypeBadge type={model.relationshipType} />
                      </Table.Td>
                      <Table.Td>
                        {model.groups.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            {t('list.noGroups')}
                          </Text>
                        ) : (
                          <Group gap={4}>
                            {model.groups.map((group) => (
                              <Badge key={group.id} variant="default" tt="none">
                                {group.name}
                              </Badge>
                            ))}
                          </Group>
                        )}
                      </Table.Td>
                      <Table.Td>{model.stepCount}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
        {canWrite && <TemplateGallery />}
      </Stack>
    </>
  );
}
