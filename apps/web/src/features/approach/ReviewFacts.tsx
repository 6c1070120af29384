import { Anchor, Badge, Group, List, SimpleGrid, Text } from '@mantine/core';
import type { ApproachOverview } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../app/format';
import { Fact } from './Fact';

/** Activity 5: the last and next review of the approach, planned reviews and open improvements. */
export function ReviewFacts({ review: o }: { review: ApproachOverview['review'] }) {
  const { t, i18n } = useTranslation(['approach']);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <Fact label={t('facts.lastReview')}>
        {o.lastHeldOn ? formatDay(o.lastHeldOn, i18n.language) : t('facts.never')}
      </Fact>
      <Fact label={t('facts.nextReview')}>
        <Group gap="xs">
          <Text size="sm">{formatDay(o.nextDueOn, i18n.language)}</Text>
          {o.overdue && (
            <Badge color="red" variant="filled" tt="none">
              {t('facts.overdue')}
            </Badge>
          )}
        </Group>
      </Fact>
      <Fact label={t('facts.planned')}>
        {o.planned.length === 0 ? (
          t('facts.nonePlanned')
        ) : (
          <List size="sm" spacing={2}>
            {o.planned.map((review) => (
              <List.Item key={review.id}>
                <Anchor component={Link} to={`/approach/reviews/${review.id}`} size="sm">
                  {review.title}
                </Anchor>
                {review.scheduledOn && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    {formatDay(review.scheduledOn, i18n.language)}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Fact>
      <Fact label={t('facts.openImprovements')}>{o.openImprovements}</Fact>
    </SimpleGrid>
  );
}
