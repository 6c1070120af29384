import { Badge, Group } from '@mantine/core';
import type { Exception, ExceptionSeverity, ExceptionStatus } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';

export const statusColors: Record<ExceptionStatus, string> = {
  open: 'blue',
  in_mediation: 'violet',
  escalated: 'orange',
  resolved: 'green',
  closed: 'gray',
};

export const severityColors: Record<ExceptionSeverity, string> = {
  minor: 'yellow',
  moderate: 'orange',
  severe: 'red',
};

export function StatusBadge({ status }: { status: ExceptionStatus }) {
  const { t } = useTranslation(['exceptions']);
  return (
    <Badge color={statusColors[status]} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: ExceptionSeverity }) {
  const { t } = useTranslation(['exceptions']);
  return (
    <Badge color={severityColors[severity]} variant="dot">
      {t(`severity.${severity}`)}
    </Badge>
  );
}

/** Status, and an overdue mark while it is due before today and unresolved. */
export function ExceptionBadges({ exception }: { exception: Pick<Exception, 'status' | 'overdue'> }) {
  const { t } = useTranslation(['exceptions']);
  return (
    <Group gap={4} wrap="nowrap">
      <StatusBadge status={exception.status} />
      {exception.overdue && (
        <Badge color="red" variant="filled">
          {t('overdue')}
        </Badge>
      )}
    </Group>
  );
}
