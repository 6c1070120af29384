import { Badge } from '@mantine/core';
import type { Health } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { bandColors, healthBand } from './health.band';

/** A relationship's health score in its band colour, for lists and cards; an override is marked. */
export function HealthBadge({ health }: { health: Health }) {
  const { t } = useTranslation(['relationships']);
  const overridden = health.override !== null;
  const label =
    health.score === null
      ? t('health.badge.unmeasured')
      : t(overridden ? 'health.badge.overridden' : 'health.badge.score', { score: health.score });

  return (
    <Badge
      color={bandColors[healthBand(health.score)]}
      variant={overridden ? 'outline' : 'light'}
      aria-label={label}
      title={label}
      miw="fit-content"
    >
      {health.score ?? '—'}
      {overridden && '*'}
    </Badge>
  );
}
