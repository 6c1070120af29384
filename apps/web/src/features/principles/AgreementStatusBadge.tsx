import { Badge } from '@mantine/core';
import type { AgreementStatus } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';

const colors: Record<AgreementStatus, string> = {
  draft: 'gray',
  proposed: 'yellow',
  agreed: 'green',
  retired: 'dark',
};

export function AgreementStatusBadge({ status }: { status: AgreementStatus }) {
  const { t } = useTranslation(['principles']);
  return (
    // Never shortened: in a narrow table cell a truncated status ("PROPOS…") says nothing.
    <Badge
      color={colors[status]}
      variant={status === 'retired' ? 'outline' : 'light'}
      style={{ flexShrink: 0 }}
      miw="fit-content"
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
