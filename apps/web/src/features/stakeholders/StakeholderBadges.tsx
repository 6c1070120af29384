import { Badge } from '@mantine/core';
import type { Quadrant, SalienceClass } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';

const quadrantColors: Record<Quadrant, string> = {
  manage_closely: 'red',
  keep_satisfied: 'orange',
  keep_informed: 'blue',
  monitor: 'gray',
};

export function QuadrantBadge({ quadrant }: { quadrant: Quadrant }) {
  const { t } = useTranslation(['common', 'enums']);
  return (
    <Badge color={quadrantColors[quadrant]} variant="light" tt="none" miw="max-content">
      {t(`enums:quadrant.${quadrant}`)}
    </Badge>
  );
}

export function SalienceBadge({ salience }: { salience: SalienceClass }) {
  const { t } = useTranslation(['common', 'enums']);
  return (
    <Badge color={salience === 'none' ? 'gray' : 'grape'} variant="outline" tt="none" miw="max-content">
      {t(`enums:salience.${salience}`)}
    </Badge>
  );
}
