import { Anchor, SimpleGrid } from '@mantine/core';
import type { ApproachOverview } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../app/format';
import { Fact } from './Fact';

/** Activity 1: culture assessments, the organisation's units, the stakeholder register and its map. */
export function AnalyseFacts({ analyse: o }: { analyse: ApproachOverview['analyse'] }) {
  const { t, i18n } = useTranslation(['approach']);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <Fact label={t('facts.cultureAssessments')}>
        {o.cultureAssessments}
        {' · '}
        {o.lastAssessedOn
          ? t('facts.lastOn', { date: formatDay(o.lastAssessedOn, i18n.language) })
          : t('facts.noneYet')}
      </Fact>
      <Fact label={t('facts.unitsAssessed')}>
        <Anchor component={Link} to="/approach/org-units" size="sm">
          {t('facts.ofUnits', { assessed: o.unitsAssessed, count: o.orgUnits })}
        </Anchor>
      </Fact>
      <Fact label={t('facts.stakeholders')}>
        {o.stakeholders}
        {o.stakeholdersDue > 0 && (
          <>
            {' · '}
            <Anchor component={Link} to="/stakeholders/due" size="sm">
              {t('facts.due', { count: o.stakeholdersDue })}
            </Anchor>
          </>
        )}
      </Fact>
      <Fact label={t('facts.strategicRequirements')}>
        {o.strategicRequirements ? t('facts.recorded') : t('facts.notRecorded')}
      </Fact>
    </SimpleGrid>
  );
}
