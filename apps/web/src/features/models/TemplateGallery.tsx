import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isLocale } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useModelTemplates } from './model.queries';
import { RelationshipTypeBadge } from './RelationshipTypeBadge';

/** "Start from an example": the models Rapport ships, each opening the editor pre-filled. */
export function TemplateGallery() {
  const { t, i18n } = useTranslation(['models']);
  const locale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const templates = useModelTemplates(locale);

  return (
    <Stack gap="sm" component="section" aria-labelledby="model-templates-title">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} size="h4" id="model-templates-title">
            {t('templates.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('templates.description')}
          </Text>
        </Stack>
        <Button component={Link} to="/approach/models/new" variant="default">
          {t('templates.blank')}
        </Button>
      </Group>
      {templates.isPending ? (
        <PageLoader />
      ) : templates.isError ? (
        <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {templates.data.map((template) => (
            <Card key={template.key} withBorder radius="md" padding="md">
              <Stack gap="xs" h="100%">
                <Title order={3} size="h5">
                  {template.name}
                </Title>
                <Group gap="xs">
                  <RelationshipTypeBadge type={template.content.relationshipType} />
                  <Text size="xs" c="dimmed">
                    {t('list.stepCount', { count: template.content.steps.length })}
                  </Text>
                </Group>
                <Text size="sm" style={{ flexGrow: 1 }}>
                  {template.summary}
                </Text>
                <Button
                  component={Link}
                  to={`/approach/models/new?template=${encodeURIComponent(template.key)}`}
                  variant="light"
                  aria-label={t('templates.useLabel', { name: template.name })}
                >
                  {t('templates.use')}
                </Button>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
