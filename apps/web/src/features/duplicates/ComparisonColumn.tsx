import { Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import type { Stakeholder } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import { Detail } from '../stakeholders/Detail';
import { QuadrantBadge } from '../stakeholders/StakeholderBadges';

interface Props {
  stakeholder: Stakeholder;
  other: Stakeholder;
  canMerge: boolean;
  onKeep: () => void;
}

/** One side of a duplicate pair; values that differ from the other side are emphasised. */
export function ComparisonColumn({ stakeholder: s, other, canMerge, onKeep }: Props) {
  const { t, i18n } = useTranslation(['analysis', 'stakeholders', 'enums']);
  const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  const weight = (a: unknown, b: unknown) => (differs(a, b) ? 700 : 400);
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="xs">
        <Anchor component={Link} to={`/stakeholders/${s.id}`} fw={600}>
          {s.name}
        </Anchor>
        <Detail label={t('stakeholders:fields.category')}>
          <Text size="sm" fw={weight(s.category, other.category)}>
            {t(`enums:category.${s.category}`)}
          </Text>
        </Detail>
        <Detail label={t('stakeholders:fields.emails')}>
          <Text size="sm" fw={weight(s.emails, other.emails)}>
            {s.emails.join(', ') || '—'}
          </Text>
        </Detail>
        <Detail label={t('stakeholders:fields.quadrant')}>
          <QuadrantBadge quadrant={s.quadrant} />
        </Detail>
        <Detail label={t('duplicates.position')}>
          <Text size="sm" fw={weight([s.influence, s.interest], [other.influence, other.interest])}>
            {t('map.position', { influence: s.influence, interest: s.interest })}
          </Text>
        </Detail>
        <Detail label={t('stakeholders:fields.tags')}>
          <Text size="sm" fw={weight(s.tags, other.tags)}>
            {s.tags.join(', ') || '—'}
          </Text>
        </Detail>
        <Text size="xs" c="dimmed">
          {t('duplicates.created', { date: formatDate(s.createdAt, i18n.language) })}
        </Text>
        {canMerge && (
          <Button variant="light" onClick={onKeep}>
            {t('duplicates.keepThis')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
