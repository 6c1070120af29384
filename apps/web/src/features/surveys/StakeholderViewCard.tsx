import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Relationship } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { useCan } from '../auth/auth.queries';
import { InviteModal } from './InviteModal';
import { useRelationshipSatisfaction } from './survey.queries';

/** A gap this large between their view and ours is worth a conversation. */
const NOTABLE_GAP = 20;

/**
 * Two-sided health (SPEC §4): the stakeholder's own rating from surveys beside Rapport's health score, the gap
 * between them, and a button to send them a survey.
 */
export function StakeholderViewCard({ relationship }: { relationship: Relationship }) {
  const { t, i18n } = useTranslation(['surveys']);
  const canInvite = useCan('surveys.write');
  const view = useRelationshipSatisfaction(relationship.id);
  const [inviting, invite] = useDisclosure();
  const rating = view.data?.stakeholderRating ?? null;
  const gap = view.data?.ratingGap ?? null;
  const open = relationship.status !== 'ended' && !relationship.archivedAt;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="stakeholder-view-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="stakeholder-view-title">
            {t('card.title')}
          </Title>
          {canInvite && open && (
            <Button size="xs" variant="light" onClick={invite.open}>
              {t('card.invite')}
            </Button>
          )}
        </Group>
        {view.isPending ? null : rating === null ? (
          <Text size="sm" c="dimmed" data-testid="stakeholder-rating-none">
            {view.data && !view.data.shown && view.data.invited > 0
              ? t('card.hidden', { k: view.data.minAnswers })
              : t('card.noRating')}
          </Text>
        ) : (
          <>
            <SimpleGrid cols={3}>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('card.rating')}
                </Text>
                <Text fw={700} size="xl" data-testid="stakeholder-rating">
                  {rating.csat} / 5
                </Text>
                {rating.nps !== null && <Text size="xs">{t('card.nps', { value: rating.nps })}</Text>}
              </Stack>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('card.ours')}
                </Text>
                <Text fw={700} size="xl">
                  {view.data?.health.score ?? '—'}
                </Text>
              </Stack>
              <Stack gap={0}>
                <Text size="xs" c="dimmed" title={t('card.gapHint')}>
                  {t('card.gap')}
                </Text>
                <Text
                  fw={700}
                  size="xl"
                  c={gap !== null && Math.abs(gap) >= NOTABLE_GAP ? 'orange.8' : undefined}
                >
                  {gap === null ? '—' : gap > 0 ? `+${gap}` : gap}
                </Text>
              </Stack>
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {rating.at === null
                ? t('card.answersUndated', { count: rating.answers })
                : t('card.answers', { count: rating.answers, date: formatDate(rating.at, i18n.language) })}
            </Text>
            {gap !== null && Math.abs(gap) >= NOTABLE_GAP && (
              <Alert color="orange" p="xs">
                {t('card.gapWarning', { points: Math.abs(gap) })}
              </Alert>
            )}
          </>
        )}
      </Stack>
      {canInvite && open && (
        <InviteModal
          opened={inviting}
          onClose={invite.close}
          relationship={{ id: relationship.id, name: relationship.name }}
        />
      )}
    </Paper>
  );
}
