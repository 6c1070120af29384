import { Anchor, Badge, Button, Checkbox, Group, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ApproachTabs } from '../approach/ApproachTabs';
import { useCan } from '../auth/auth.queries';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { AcknowledgementProgress } from './AcknowledgementProgress';
import { AttachedTo } from './AttachedTo';
import { AudienceBadges } from './AudienceBadges';
import { MaterialFormModal } from './MaterialFormModal';
import { MyReading } from './MyReading';
import { useMaterials } from './material.queries';

export default function MaterialListPage() {
  const { t } = useTranslation(['materials', 'common']);
  const navigate = useNavigate();
  const canWrite = useCan('approach.write');
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  // Kept in the address too (`?pending=true`) so that other pages can link to "what I still have to read".
  const [pendingForMe, setPendingForMe] = useState(params.get('pending') === 'true');
  const materials = useMaterials({ q: debounced, pendingForMe });
  // `?new=1&principleId=…` (or `modelId=…`) comes from a principle's or a model's page: create a material
  // already attached to it.
  const creating = canWrite && params.get('new') === '1';
  const filtered = debounced !== '' || pendingForMe;

  const setParam = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  const openCreate = () => setParam('new', '1');
  const closeCreate = () =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('new');
        next.delete('principleId');
        next.delete('modelId');
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <ApproachTabs />
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <>
            <ExportCsvButton
              path="/materials"
              params={{ q: debounced.trim(), pendingForMe: pendingForMe ? 'true' : undefined, sort: 'title' }}
            />
            {canWrite && <Button onClick={openCreate}>{t('list.create')}</Button>}
          </>
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          type="search"
          label={t('list.search')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          w={260}
        />
        <Checkbox
          label={t('list.pendingForMe')}
          checked={pendingForMe}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            setPendingForMe(checked);
            setParam('pending', checked ? 'true' : null);
          }}
          mb={8}
        />
      </Group>
      {materials.isPending ? (
        <PageLoader />
      ) : materials.isError ? (
        <ErrorAlert error={materials.error} onRetry={() => void materials.refetch()} />
      ) : materials.data.length === 0 ? (
        <EmptyState
          title={
            pendingForMe && !debounced
              ? t('list.nothingPendingTitle')
              : filtered
                ? t('list.noMatchTitle')
                : t('list.emptyTitle')
          }
          description={
            pendingForMe && !debounced
              ? t('list.nothingPendingBody')
              : filtered
                ? t('list.noMatchBody')
                : canWrite
                  ? t('list.emptyBody')
                  : t('list.emptyBodyReadOnly')
          }
          action={
            canWrite && !filtered ? (
              <Button variant="light" onClick={openCreate}>
                {t('list.createFirst')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover aria-label={t('list.title')} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.title')}</Table.Th>
                <Table.Th>{t('list.attachedTo')}</Table.Th>
                <Table.Th>{t('fields.audience')}</Table.Th>
                <Table.Th>{t('list.acknowledged')}</Table.Th>
                <Table.Th>{t('list.you')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {materials.data.map((material) => (
                <Table.Tr key={material.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/approach/materials/${material.id}`} fw={500}>
                      {material.title}
                    </Anchor>
                    <Group gap={4} mt={2}>
                      <Badge size="xs" variant="outline" color="gray">
                        {t(`kind.${material.kind}`)}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {t('detail.revision', { revision: material.revision })}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <AttachedTo material={material} />
                  </Table.Td>
                  <Table.Td>
                    <AudienceBadges audience={material.audience} />
                  </Table.Td>
                  <Table.Td>
                    <AcknowledgementProgress material={material} />
                  </Table.Td>
                  <Table.Td>
                    <MyReading material={material} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <MaterialFormModal
        opened={creating}
        onClose={closeCreate}
        principleId={params.get('principleId')}
        modelId={params.get('modelId')}
        onSaved={(material) => void navigate(`/approach/materials/${material.id}`)}
      />
    </>
  );
}
