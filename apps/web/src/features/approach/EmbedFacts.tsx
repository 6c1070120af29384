import { Anchor, List, Progress, SimpleGrid, Text } from '@mantine/core';
import type { ApproachOverview } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Fact } from './Fact';

/** Activity 4: training and awareness materials, and how many of their readers have acknowledged them. */
export function EmbedFacts({ embed: o }: { embed: ApproachOverview['embed'] }) {
  const { t } = useTranslation(['approach']);
  const rate = o.expectedReads > 0 ? Math.round((o.acknowledged / o.expectedReads) * 100) : null;
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
      <Fact label={t('facts.materials')}>{o.materials}</Fact>
      <Fact label={t('facts.acknowledgement')}>
        {rate === null ? (
          t('facts.noReaders')
        ) : (
          <>
            <Text size="sm">
              {t('facts.acknowledged', { acknowledged: o.acknowledged, count: o.expectedReads, rate })}
            </Text>
            <Progress
              value={rate}
              size="sm"
              mt={4}
              color={rate >= 80 ? 'green' : 'orange'}
              aria-label={t('facts.acknowledgement')}
            />
          </>
        )}
      </Fact>
      <Fact label={t('facts.yourReading')}>
        {o.pendingForMe.length === 0 ? (
          t('facts.allRead')
        ) : (
          <List size="sm" spacing={2}>
            {o.pendingForMe.map((material) => (
              <List.Item key={material.id}>
                <Anchor component={Link} to={`/approach/materials/${material.id}`} size="sm">
                  {material.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </Fact>
    </SimpleGrid>
  );
}
