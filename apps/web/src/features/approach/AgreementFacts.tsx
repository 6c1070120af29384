import { Anchor, List, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { type ApproachOverview, agreementStatuses } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDay } from '../../app/format';
import { Fact } from './Fact';

type Agreed = ApproachOverview['principles'] | ApproachOverview['models'];

interface Props {
  /** `principles` or `models`: both are agreed documents with the same workflow. */
  kind: 'principles' | 'models';
  state: Agreed;
}

/** Activities 2 and 3: documents in force, those waiting for agreement and those due for review. */
export function AgreementFacts({ kind, state }: Props) {
  const { t, i18n } = useTranslation(['approach']);
  const base = kind === 'principles' ? '/approach/principles' : '/approach/models';
  const coverage = 'coverage' in state ? state.coverage : null;

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: coverage ? 3 : 2 }} spacing="md">
        <Fact label={t('facts.inForce')}>{state.inForce}</Fact>
        <Fact label={t('facts.byStatus')}>
          {agreementStatuses
            .map((status) =>
              t('facts.statusCount', { status: t(`status.${status}`), count: state.byStatus[status] ?? 0 }),
            )
            .join(' · ')}
        </Fact>
        {coverage && (
          <Fact label={t('facts.coverage')}>
            <Text size="sm">
              {t('facts.coveredGroups', { covered: coverage.coveredGroups, count: coverage.keyGroups })}
            </Text>
            {coverage.keyGroups > 0 && (
              <Progress
                value={(coverage.coveredGroups / coverage.keyGroups) * 100}
                size="sm"
                mt={4}
                aria-label={t('facts.coverage')}
              />
            )}
            {coverage.uncoveredStakeholders > 0 && (
              <Text size="xs" c="orange.8" mt={2}>
                {t('facts.uncoveredStakeholders', {
                  count: coverage.uncoveredStakeholders,
                  total: coverage.stakeholdersInKeyGroups,
                })}
              </Text>
            )}
          </Fact>
        )}
      </SimpleGrid>
      {state.awaitingAgreement.length > 0 && (
        <Fact label={t('facts.awaitingAgreement')}>
          <List size="sm" spacing={2}>
            {state.awaitingAgreement.map((item) => (
              <List.Item key={item.id}>
                <Anchor component={Link} to={`${base}/${item.id}`} size="sm">
                  {item.title}
                </Anchor>
                {item.proposedAt && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    {t('facts.proposedAt', { date: formatDate(item.proposedAt, i18n.language) })}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </Fact>
      )}
      {state.reviewDue.length > 0 && (
        <Fact label={t('facts.reviewDue')}>
          <List size="sm" spacing={2}>
            {state.reviewDue.map((item) => (
              <List.Item key={item.id}>
                <Anchor component={Link} to={`${base}/${item.id}`} size="sm">
                  {item.title}
                </Anchor>
                {item.nextReviewOn && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    {t('facts.dueOn', { date: formatDay(item.nextReviewOn, i18n.language) })}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </Fact>
      )}
    </Stack>
  );
}
