import { Badge } from '@mantine/core';
import type { Relationship } from '@rapport/contracts';

type RelationshipStatus = Relationship['status'];

import { useTranslation } from 'react-i18next';

const colors: Record<RelationshipStatus, string> = { active: 'green', paused: 'yellow', ended: 'gray' };

export function StatusBadge({ status }: { status: RelationshipStatus }) {
  const { t } = useTranslation(['relationships']);
  return (
    // Never shortened: in a narrow table cell a truncated status says nothing.
    <Badge color={colors[status]} variant="light" style={{ flexShrink: 0 }} miw="fit-content">
      {t(`status.${status}`)}
    </Badge>
  );
}
