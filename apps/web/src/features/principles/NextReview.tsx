import { Badge, Group, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../app/format';

/** A review date has come when it is today or earlier (the API's `reviewDue` filter says the same). */
export function isReviewDue(nextReviewOn: string | null): boolean {
  return nextReviewOn !== null && nextReviewOn <= dayjs().format('YYYY-MM-DD');
}

export function NextReview({ nextReviewOn, inForce }: { nextReviewOn: string | null; inForce: boolean }) {
  const { t, i18n } = useTranslation(['principles']);
  if (!nextReviewOn) return <Text c="dimmed">{t('list.noReviewDate')}</Text>;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm">{formatDay(nextReviewOn, i18n.language)}</Text>
      {inForce && isReviewDue(nextReviewOn) && (
        <Badge color="red" variant="light">
          {t('list.reviewOverdue')}
        </Badge>
      )}
    </Group>
  );
}
