import { Badge, Group, List, Paper, Select, Stack, Text, Title } from '@mantine/core';
import type { DocumentVersionSummary } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { type Change, compareVersions, type StepChange } from './model.compare';
import { useModelVersion } from './model.queries';

const changeColors: Record<Change, string> = { added: 'green', removed: 'red', changed: 'yellow' };

function ChangeBadge({ change }: { change: Change }) {
  const { t } = useTranslation(['models']);
  return (
    <Badge color={changeColors[change]} variant="light" size="sm">
      {t(`compare.${change}`)}
    </Badge>
  );
}

function StepChangeItem({ step }: { step: StepChange }) {
  const { t } = useTranslation(['models']);
  const details = [
    ...(step.moved ? [t('compare.moved')] : []),
    ...step.parts.map((part) => t(`compare.parts.${part}`)),
  ];
  return (
    <Paper withBorder p="sm" radius="md" component="li">
      <Stack gap={6}>
        <Group gap="xs">
          <ChangeBadge change={step.change} />
          <Text fw={600}>{step.name}</Text>
        </Group>
        {details.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('compare.alsoChanged', { parts: details.join(t('compare.separator')) })}
          </Text>
        )}
        {step.activities.length > 0 && (
          <List size="sm" spacing={4} aria-label={t('compare.activitiesOf', { name: step.name })}>
            {step.activities.map((activity) => (
              <List.Item key={activity.key}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <ChangeBadge change={activity.change} />
                  <Text size="sm">
                    {activity.change === 'changed'
                      ? t('compare.fromTo', { before: activity.before, after: activity.after })
                      : (activity.after ?? activity.before)}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}

interface Props {
  modelId: string;
  /** Newest first, as the API lists them. */
  versions: DocumentVersionSummary[];
}

/** Which steps and activities were added, removed or changed between two versions. */
export function VersionCompare({ modelId, versions }: Props) {
  const { t } = useTranslation(['models', 'principles']);
  const [from, setFrom] = useState(versions[1]?.number ?? 1);
  const [to, setTo] = useState(versions[0]?.number ?? 1);
  const before = useModelVersion(modelId, from);
  const after = useModelVersion(modelId, to);
  const options = versions.map((version) => ({
    value: String(version.number),
    label: t('compare.option', { number: version.number, status: t(`principles:status.${version.status}`) }),
  }));

  const result = () => {
    if (before.isError) return <ErrorAlert error={before.error} onRetry={() => void before.refetch()} />;
    if (after.isError) return <ErrorAlert error={after.error} onRetry={() => void after.refetch()} />;
    if (before.isPending || after.isPending) return <PageLoader />;
    const diff = compareVersions(before.data, after.data);
    if (diff.fields.length === 0 && diff.steps.length === 0)
      return (
        <Text size="sm" c="dimmed">
          {t('compare.same')}
        </Text>
      );
    return (
      <Stack gap="sm">
        {diff.fields.length > 0 && (
          <Text size="sm">
            {t('compare.fieldsChanged', {
              fields: diff.fields.map((field) => t(`compare.fields.${field}`)).join(t('compare.separator')),
            })}
          </Text>
        )}
        {diff.steps.length > 0 && (
          <Stack
            component="ul"
            gap="xs"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={t('compare.steps')}
          >
            {diff.steps.map((step) => (
              <StepChangeItem key={step.key} step={step} />
            ))}
          </Stack>
        )}
      </Stack>
    );
  };

  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('compare.title')}
      </Title>
      <Group align="flex-end">
        <Select
          label={t('compare.from')}
          data={options}
          value={String(from)}
          onChange={(value) => value && setFrom(Number(value))}
          allowDeselect={false}
          w={220}
        />
        <Select
          label={t('compare.to')}
          data={options}
          value={String(to)}
          onChange={(value) => value && setTo(Number(value))}
          allowDeselect={false}
          w={220}
        />
      </Group>
      {result()}
    </Stack>
  );
}
