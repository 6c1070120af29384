import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Markdown } from '../../components/Markdown';
import { useLessons } from './lesson.queries';

/**
 * "Lessons from earlier relationships": the lessons attached to a model as guidance, for the model's page and for
 * relationships opened on it.
 */
export function ModelLessons({ modelId }: { modelId: string | null }) {
  const { t } = useTranslation(['improvement']);
  const lessons = useLessons({ q: '', modelId, groupId: null, tag: '' }, modelId !== null);
  if (modelId === null || lessons.isPending || lessons.isError) return null;
  return (
    <Stack gap="xs" component="section" aria-label={t('modelLessons.title')}>
      <Title order={2} size="h4">
        {t('modelLessons.title')}
      </Title>
      {lessons.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('modelLessons.empty')}
        </Text>
      ) : (
        lessons.data.slice(0, 5).map((lesson) => (
          <Paper key={lesson.id} withBorder p="sm" radius="md">
            <Text fw={600} size="sm">
              {lesson.title}
            </Text>
            {lesson.body && <Markdown>{lesson.body}</Markdown>}
          </Paper>
        ))
      )}
      <Anchor component={Link} to={`/lessons?modelId=${encodeURIComponent(modelId)}`} size="sm">
        {t('modelLessons.all')}
      </Anchor>
    </Stack>
  );
}
