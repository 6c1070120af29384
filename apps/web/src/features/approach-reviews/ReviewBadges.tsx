import { Badge, Group } from '@mantine/core';
import type { Review } from '@rapport/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

const statusColors = { planned: 'blue', done: 'green', cancelled: 'gray' } as const;

/** A planned review whose date has come is due today, or overdue once the date has passed. */
export function reviewTiming(review: Pick<Review, 'status' | 'scheduledOn'>): 'overdue' | 'dueToday' | null {
  if (review.status !== 'planned' || !review.scheduledOn) return null;
  const today = dayjs().format('YYYY-MM-DD');
  if (review.scheduledOn < today) return 'overdue';
  return review.scheduledOn === today ? 'dueToday' : null;
}

export function ReviewBadges({ review }: { review: Review }) {
  const { t } = useTranslation(['reviews']);
  const timing = reviewTiming(review);
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={statusColors[review.status]} variant="light">
        {t(`status.${review.status}`)}
      </Badge>
      {timing && (
        <Badge color={timing === 'overdue' ? 'red' : 'orange'} variant="filled">
          {t(`timing.${timing}`)}
        </Badge>
      )}
    </Group>
  );
}
