import { Group, Progress, Text } from '@mantine/core';
import type { Material } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';

/** How much of the audience has read the current revision, as a bar and as the numbers it stands for. */
export function AcknowledgementProgress({ material }: { material: Material }) {
  const { t } = useTranslation(['materials']);
  const { acknowledged, audience } = material.acknowledgement;
  const percent = audience === 0 ? 0 : Math.round((acknowledged / audience) * 100);
  const label = t('ack.coverage', { acknowledged, audience, revision: material.revision });
  return (
    <Group gap="xs" wrap="nowrap" miw={160}>
      <Progress
        value={percent}
        color={percent === 100 ? 'green' : 'indigo'}
        w={90}
        aria-label={label}
        title={label}
      />
      <Text size="sm">
        {acknowledged}/{audience}
      </Text>
    </Group>
  );
}
