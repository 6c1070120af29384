import { Anchor, Grid, Paper, Stack, Text } from '@mantine/core';
import type { Relationship } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../app/format';
import { useModel } from '../models/model.queries';
import { useOrgUnitPaths } from '../org-units/org-unit.queries';
import { Detail } from '../stakeholders/Detail';
import { useUserName } from './relationship.names';
import { StakeholderLink } from './StakeholderLink';

/** Who the relationship is between, the model it follows and who looks after it. */
export function RelationshipFacts({ relationship: r }: { relationship: Relationship }) {
  const { t, i18n } = useTranslation(['relationships']);
  const model = useModel(r.modelId ?? undefined);
  const unitPath = useOrgUnitPaths();
  const userName = useUserName();
  const characterisation = Object.values(r.characteristics)
    .map((value) => t(`characteristic.${value}`))
    .join(' · ');

  return (
    <Paper withBorder p="md" radius="md" mb="xl">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <Stack gap="sm">
            <Detail label={t('fields.stakeholder')}>
              <StakeholderLink id={r.stakeholderId} name={r.stakeholderName} />
            </Detail>
            <Detail label={t('fields.ourSide')}>
              {r.fromStakeholderId ? (
                <StakeholderLink id={r.fromStakeholderId} name={r.fromStakeholderName ?? ''} />
              ) : r.orgUnitId ? (
                <Anchor component={Link} to="/approach/org-units" size="sm">
                  {unitPath(r.orgUnitId)}
                </Anchor>
              ) : (
                t('ourSide.organisation')
              )}
            </Detail>
            <Detail label={t('fields.service')}>
              {r.service && r.ourRole
                ? t('facts.serviceAs', { role: t(`ourRole.${r.ourRole}`) })
                : t('facts.notService')}
            </Detail>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <Stack gap="sm">
            <Detail label={t('fields.model')}>
              {r.modelId ? (
                <Anchor component={Link} to={`/approach/models/${r.modelId}`} size="sm">
                  {t('facts.modelVersion', { name: model.data?.name ?? '…', number: r.modelVersion })}
                </Anchor>
              ) : (
                t('noModel')
              )}
            </Detail>
            <Detail label={t('fields.maturity')}>{t(`maturity.${r.maturity}`)}</Detail>
            <Detail label={t('fields.characteristics')}>{characterisation}</Detail>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <Stack gap="sm">
            <Detail label={t('fields.manager')}>{userName(r.managerId) ?? t('form.nobody')}</Detail>
            <Detail label={t('fields.agent')}>{userName(r.agentId) ?? t('form.nobody')}</Detail>
            <Detail label={t('fields.startedOn')}>{formatDay(r.startedOn, i18n.language)}</Detail>
            {r.nextReviewOn && (
              <Detail label={t('fields.nextReviewOn')}>{formatDay(r.nextReviewOn, i18n.language)}</Detail>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {r.status === 'ended' && r.endedOn && r.endReason && (
        <Text size="sm" mt="md">
          {t('facts.ended', {
            date: formatDay(r.endedOn, i18n.language),
            reason: t(`endReason.${r.endReason}`),
          })}
          {r.endNote && ` — ${r.endNote}`}
        </Text>
      )}
    </Paper>
  );
}
