import { Anchor, Badge, Text } from '@mantine/core';
import { isInAudience, type Material } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/auth.queries';

/** Where the signed-in user stands with a material: read, to read, or not in its audience. */
export function MyReading({ material }: { material: Material }) {
  const { t } = useTranslation(['materials']);
  const me = useCurrentUser();
  if (material.acknowledgedByMe)
    return (
      <Badge color="green" variant="light">
        {t('ack.youHaveRead')}
      </Badge>
    );
  if (!isInAudience(me, material))
    return (
      <Text size="sm" c="dimmed">
        {t('ack.notYourAudience')}
      </Text>
    );
  return (
    <Anchor
      component={Link}
      to={`/approach/materials/${material.id}`}
      size="sm"
      fw={500}
      aria-label={t('ack.readAndAcknowledgeLabel', { title: material.title })}
    >
      {t('ack.readAndAcknowledge')}
    </Anchor>
  );
}
