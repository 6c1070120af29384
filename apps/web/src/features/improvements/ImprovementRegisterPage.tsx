import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { type Improvement, improvementSources, improvementStatuses } from '@rapport/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, isApiError, withQuery } from '../../app/api';
import { formatDay } from '../../app/format';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useUserOptions } from '../admin/user.queries';
import { improvementKeys } from '../approach-reviews/review.queries';
import { useCan } from '../auth/auth.queries';

type Status = Improvement['status'];
type Source = Improvement['sourceType'];

interface Filters {
  q: string;
  status: Status | null;
  ownerId: string | null;
  sourceType: Source | null;
}

function useImprovements(filters: Filters) {
  return useQuery({
    queryKey: [...improvementKeys.all, 'register', filters],
    queryFn: ({ signal }) =>
      api<{ data: Improvement[] }>(
        withQuery('/improvements', {
          q: filters.q.trim(),
          status: filters.status,
          ownerId: filters.ownerId,
          sourceType: filters.sourceType,
          sort: 'dueOn',
          limit: 200,
        }),
        { signal },
      ),
    placeholderData: keepPreviousData,
    select: (page) => page.data,
  });
}

/** Where an initiative came from, as a link to that record when it has a page. */
function SourceLink({ improvement }: { improvement: Improvement }) {
  const { t } = useTranslation(['improvement']);
  const label = t(`source.${improvement.sourceType}`);
  const id = improvement.sourceId;
  const to =
    id === null
      ? null
      : improvement.sourceType === 'review'
        ? `/reviews/${id}`
        : improvement.sourceType === 'exception'
          ? `/exceptions/${id}`
          : improvement.sourceType === 'survey'
            ? `/surveys/${id}`
            : null;
  if (to)
    return (
      <Anchor component={Link} to={to} size="sm">
        {label}
      </Anchor>
    );
  return (
    <Text size="sm">
      {label}
      {improvement.sourceType === 'kpi' && id && (
        <Text span c="dimmed" size="xs">
          {' '}
          ({id})
        </Text>
      )}
    </Text>
  );
}

const fields = [
  'title',
  'description',
  'ownerId',
  'status',
  'dueOn',
  'expectedBenefit',
  'realisedBenefit',
  'sourceType',
  'sourceId',
];

interface DialogValues {
  title: string;
  description: string;
  ownerId: string | null;
  status: Status;
  dueOn: string;
  expectedBenefit: string;
  realisedBenefit: string;
  sourceType: 'manual' | 'kpi';
  sourceId: string;
}

function ImprovementDialog({
  improvement,
  opened,
  onClose,
}: {
  improvement: Improvement | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['improvement', 'reviews', 'common']);
  const users = useUserOptions();
  const queryClient = useQueryClient();
  const blank: DialogValues = {
    title: '',
    description: '',
    ownerId: null,
    status: 'proposed',
    dueOn: '',
    expectedBenefit: '',
    realisedBenefit: '',
    sourceType: 'manual',
    sourceId: '',
  };
  const [values, setValues] = useState<DialogValues>(blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens on another initiative
  useEffect(() => {
    if (!opened) return;
    setValues(
      improvement
        ? {
            ...blank,
            title: improvement.title,
            description: improvement.description,
            ownerId: improvement.ownerId,
            status: improvement.status,
            dueOn: improvement.dueOn ?? '',
            expectedBenefit: improvement.expectedBenefit,
            realisedBenefit: improvement.realisedBenefit,
          }
        : blank,
    );
    setErrors({});
    setGeneral(null);
  }, [opened, improvement]);

  const save = useMutation({
    mutationFn: () => {
      const common = {
        title: values.title.trim(),
        description: values.description,
        ownerId: values.ownerId,
        status: values.status,
        dueOn: values.dueOn || null,
        expectedBenefit: values.expectedBenefit,
        realisedBenefit: values.realisedBenefit,
      };
      return improvement
        ? api<Improvement>(`/improvements/${encodeURIComponent(improvement.id)}`, {
            method: 'PATCH',
            body: common,
            version: improvement.version,
          })
        : api<Improvement>('/improvements', {
            method: 'POST',
            body: {
              ...common,
              sourceType: values.sourceType,
              sourceId: values.sourceType === 'kpi' && values.sourceId.trim() ? values.sourceId.trim() : null,
            },
          });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: improvementKeys.all });
      onClose();
    },
    onError: (error) => {
      if (isApiError(error, 409)) void queryClient.invalidateQueries({ queryKey: improvementKeys.all });
      const described = describeSubmitError(error, fields, { ...values });
      setErrors(described.fields);
      setGeneral(isApiError(error, 409) ? t('register.conflict') : described.general);
    },
  });
  const set = <K extends keyof DialogValues>(key: K, value: DialogValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={improvement ? t('register.editTitle') : t('register.newTitle')}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!values.title.trim()) {
            setErrors({ title: t('common:validation.required') });
            return;
          }
          save.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('register.fields.title')}
            value={values.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
          />
          <Textarea
            label={t('register.fields.description')}
            value={values.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
          />
          {!improvement && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('register.fields.source')}
                data={(['manual', 'kpi'] as const).map((value) => ({ value, label: t(`source.${value}`) }))}
                value={values.sourceType}
                onChange={(value) => value && set('sourceType', value as 'manual' | 'kpi')}
                allowDeselect={false}
                error={errors.sourceType}
                description={t('register.sourceHint')}
              />
              {values.sourceType === 'kpi' && (
                <TextInput
                  label={t('register.fields.kpi')}
                  value={values.sourceId}
                  onChange={(event) => set('sourceId', event.currentTarget.value)}
                  error={errors.sourceId}
                />
              )}
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('register.fields.owner')}
              placeholder={t('reviews:improvements.noOwner')}
              data={(users.data ?? [])
                .filter((user) => !user.deactivatedAt)
                .map((user) => ({ value: user.id, label: user.name }))}
              value={values.ownerId}
              onChange={(value) => set('ownerId', value)}
              error={errors.ownerId}
              searchable
              clearable
            />
            <Select
              label={t('register.fields.status')}
              data={improvementStatuses.map((value) => ({
                value,
                label: t(`reviews:improvementStatus.${value}`),
              }))}
              value={values.status}
              onChange={(value) => value && set('status', value as Status)}
              allowDeselect={false}
              error={errors.status}
            />
            <TextInput
              type="date"
              label={t('register.fields.dueOn')}
              value={values.dueOn}
              onChange={(event) => set('dueOn', event.currentTarget.value)}
              error={errors.dueOn}
            />
          </SimpleGrid>
          <Textarea
            label={t('register.fields.expectedBenefit')}
            value={values.expectedBenefit}
            onChange={(event) => set('expectedBenefit', event.currentTarget.value)}
            error={errors.expectedBenefit}
            autosize
            minRows={2}
          />
          <Textarea
            label={t('register.fields.realisedBenefit')}
            description={t('register.realisedHint')}
            value={values.realisedBenefit}
            onChange={(event) => set('realisedBenefit', event.currentTarget.value)}
            error={errors.realisedBenefit}
            autosize
            minRows={2}
          />
          {general && (
            <Alert color="red" variant="light" role="alert">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

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
        actions={canWrite && <Button onClick={startNew}>{t('register.new')}</Button>}
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
