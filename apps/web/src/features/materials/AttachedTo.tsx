import { Anchor, Stack, Text } from '@mantine/core';
import type { Material } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePrincipleOptions } from '../principles/principle.queries';
import { useModelOptions } from './material.queries';

/** The principle and relationship model a material supports, by name, linked to them. */
export function AttachedTo({ material }: { material: Pick<Material, 'principleId' | 'modelId'> }) {
  const { t } = useTranslation(['materials']);
  const principles = usePrincipleOptions();
  const models = useModelOptions();
  const { principleId, modelId } = material;
  if (!principleId && !modelId) return <Text c="dimmed">{t('list.notAttached')}</Text>;
  const principle = principles.data?.find((p) => p.id === principleId);
  const model = models.data?.find((m) => m.id === modelId);
  return (
    <Stack gap={2}>
      {principleId && (
        <Text size="sm">
          {t('fields.principle')}:{' '}
          <Anchor component={Link} to={`/approach/principles/${principleId}`}>
            {principle?.title ?? (principles.isPending ? '…' : t('list.archivedRecord'))}
          </Anchor>
        </Text>
      )}
      {modelId && (
        <Text size="sm">
          {t('fields.model')}:{' '}
          <Anchor component={Link} to={`/approach/models/${modelId}`}>
            {model?.name ?? (models.isPending ? '…' : t('list.archivedRecord'))}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
