import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import type { Lesson } from '@rapport/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../app/format';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Markdown } from '../../components/Markdown';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { useGroups } from '../groups/group.queries';
import { emptyModelFilters, useModels } from '../models/model.queries';
import { type LessonFilters, useLessons, useSaveLesson } from './lesson.queries';

const fields = ['title', 'body', 'tags', 'modelId', 'groupId'];

function LessonModal({
  lesson,
  opened,
  onClose,
}: {
  lesson: Lesson | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['improvement', 'common']);
  const save = useSaveLesson();
  const models = useModels(emptyModelFilters);
  const groups = useGroups();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [modelId, setModelId] = useState<string | null>(null);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    setTitle(lesson?.title ?? '');
    setBody(lesson?.body ?? '');
    setTags(lesson?.tags ?? []);
    setModelId(lesson?.modelId ?? null);
    setGroupId(lesson?.groupId ?? null);
    setErrors({});
    setGeneral(null);
  }, [opened, lesson]);

  const submit = () => {
    if (!title.trim()) {
      setErrors({ title: t('common:validation.required') });
      return;
    }
    const values = { title: title.trim(), body, tags, modelId, groupId };
    save.mutate(
      { lesson, body: values },
      {
        onSuccess: onClose,
        onError: (error) => {
          const described = describeSubmitError(error, fields, values);
          setErrors(described.fields);
          setGeneral(described.general);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={lesson ? t('lessons.edit') : t('lessons.new')} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <TextInput
            label={t('lessons.fields.title')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
          />
          <Textarea
            label={t('lessons.fields.body')}
            description={t('lessons.bodyHint')}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={errors.body}
            autosize
            minRows={4}
          />
          <TagsInput
            label={t('lessons.fields.tags')}
            description={t('lessons.tagsHint')}
            value={tags}
            onChange={setTags}
            error={errors.tags}
          />
          <Select
            label={t('lessons.fields.model')}
            description={t('lessons.modelHint')}
            placeholder={t('lessons.noModel')}
            data={(models.data ?? []).map((model) => ({ value: model.id, label: model.name }))}
            value={modelId}
            onChange={setModelId}
            error={errors.modelId}
            searchable
            clearable
          />
          <Select
            label={t('lessons.fields.group')}
            placeholder={t('lessons.noGroup')}
            data={(groups.data ?? []).map((group) => ({ value: group.id, label: group.name }))}
            value={groupId}
            onChange={setGroupId}
            error={errors.groupId}
            searchable
            clearable
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

/** Lessons learned: searchable by text (Chinese too), model, group and tag. */
export default function LessonsPage() {
  const { t, i18n } = useTranslation(['improvement', 'common']);
  const canWrite = useCan('lessons.write');
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<LessonFilters>({
    q: params.get('q') ?? '',
    modelId: params.get('modelId'),
    groupId: params.get('groupId'),
    tag: params.get('tag') ?? '',
  });
  const [q] = useDebouncedValue(filters.q, 250);
  const [tag] = useDebouncedValue(filters.tag, 250);
  const lessons = useLessons({ ...filters, q, tag });
  const models = useModels(emptyModelFilters);
  const groups = useGroups();
  const [editing, setEditing] = useState<Lesson | null>(null);
  const [opened, { open, close }] = useDisclosure();
  const filtered = q !== '' || tag !== '' || filters.modelId !== null || filters.groupId !== null;
  const set = <K extends keyof LessonFilters>(key: K, value: LessonFilters[K]) => {
    setFilters((current) => ({ ...current, [key]: value }));
    const next = new URLSearchParams(params);
    if (value) next.set(key, String(value));
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const modelName = (id: string | null) => models.data?.find((model) => model.id === id)?.name;
  const groupName = (id: string | null) => groups.data?.find((group) => group.id === id)?.name;
  const startNew = () => {
    setEditing(null);
    open();
  };

  return (
    <>
      <PageHeader
        title={t('lessons.title')}
        description={t('lessons.description')}
        actions={
          <>
            <ExportCsvButton
              path="/lessons"
              params={{
                q: q.trim(),
                modelId: filters.modelId,
                groupId: filters.groupId,
                tag: tag.trim(),
                sort: '-createdAt',
              }}
            />
            {canWrite && <Button onClick={startNew}>{t('lessons.new')}</Button>}
          </>
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          type="search"
          label={t('lessons.search')}
          placeholder={t('lessons.searchPlaceholder')}
          value={filters.q}
          onChange={(event) => set('q', event.currentTarget.value)}
          w={280}
        />
        <Select
          label={t('lessons.fields.model')}
          placeholder={t('lessons.anyModel')}
          data={(models.data ?? []).map((model) => ({ value: model.id, label: model.name }))}
          value={filters.modelId}
          onChange={(value) => set('modelId', value)}
          searchable
          clearable
          w={220}
        />
        <Select
          label={t('lessons.fields.group')}
          placeholder={t('lessons.anyGroup')}
          data={(groups.data ?? []).map((group) => ({ value: group.id, label: group.name }))}
          value={filters.groupId}
          onChange={(value) => set('groupId', value)}
          searchable
          clearable
          w={220}
        />
        <TextInput
          label={t('lessons.fields.tag')}
          value={filters.tag}
          onChange={(event) => set('tag', event.currentTarget.value)}
          w={160}
        />
      </Group>
      {lessons.isPending ? (
        <PageLoader />
      ) : lessons.isError ? (
        <ErrorAlert error={lessons.error} onRetry={() => void lessons.refetch()} />
      ) : lessons.data.length === 0 ? (
        <EmptyState
          title={filtered ? t('lessons.noMatchTitle') : t('lessons.emptyTitle')}
          description={filtered ? t('lessons.noMatchBody') : t('lessons.emptyBody')}
          action={
            canWrite && !filtered ? (
              <Button variant="light" onClick={startNew}>
                {t('lessons.new')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Stack gap="sm" aria-label={t('lessons.title')} component="section">
          {lessons.data.map((lesson) => (
            <Paper
              key={lesson.id}
              withBorder
              p="md"
              radius="md"
              component="article"
              aria-label={lesson.title}
            >
              <Group justify="space-between" align="flex-start">
                <Stack gap={4}>
                  <Text fw={600}>{lesson.title}</Text>
                  <Group gap={6}>
                    {lesson.tags.map((value) => (
                      <Badge key={value} variant="light" size="sm">
                        {value}
                      </Badge>
                    ))}
                    {lesson.modelId && (
                      <Badge variant="outline" size="sm" color="indigo">
                        {t('lessons.modelBadge', { name: modelName(lesson.modelId) ?? '…' })}
                      </Badge>
                    )}
                    {lesson.groupId && (
                      <Badge variant="outline" size="sm" color="teal">
                        {groupName(lesson.groupId) ?? '…'}
                      </Badge>
                    )}
                  </Group>
                </Stack>
                {canWrite && (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => {
                      setEditing(lesson);
                      open();
                    }}
                    aria-label={t('lessons.editOf', { title: lesson.title })}
                  >
                    {t('common:actions.edit')}
                  </Button>
                )}
              </Group>
              {lesson.body && <Markdown>{lesson.body}</Markdown>}
              <Text size="xs" c="dimmed" mt={4}>
                {formatDate(lesson.createdAt, i18n.language)}
                {lesson.sourceReviewId && (
                  <>
                    {' · '}
                    <Anchor component={Link} to={`/reviews/${lesson.sourceReviewId}`} size="xs">
                      {t('lessons.fromReview')}
                    </Anchor>
                  </>
                )}
                {lesson.relationshipId && (
                  <>
                    {' · '}
                    <Anchor component={Link} to={`/relationships/${lesson.relationshipId}`} size="xs">
                      {t('lessons.relationship')}
                    </Anchor>
                  </>
                )}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      <LessonModal lesson={editing} opened={opened} onClose={close} />
    </>
  );
}
