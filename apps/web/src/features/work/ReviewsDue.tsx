import { Anchor, Group, Text } from '@mantine/core';
import type { MyWork } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../app/format';
import { relationshipPath } from '../relationships/relationship.queries';
import { DueBadge } from './DueBadge';
import { WorkSection } from './WorkSection';

export function ReviewsDue({ reviews, today }: { reviews: MyWork['reviews']; today: string }) {
  const { t, i18n } = useTranslation(['work']);
  const sorted = [...reviews].sort((a, b) => a.nextReviewOn.localeCompare(b.nextReviewOn));
  return (
    <WorkSection
      id="work-reviews"
      title={t('reviews.title')}
      count={reviews.length}
      empty={t('reviews.empty')}
    >
      {sorted.map((review) => (
        <Group component="li" key={review.relationshipId} justify="space-between" wrap="nowrap" gap="sm">
          <div>
            <Anchor component={Link} to={relationshipPath(review.relationshipId)} fw={500}>
              {review.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t('reviews.dueOn', { date: formatDay(review.nextReviewOn, i18n.language) })}
            </Text>
          </div>
          <DueBadge dueOn={review.nextReviewOn} today={today} />
        </Group>
      ))}
    </WorkSection>
  );
}
