import { Alert } from '@mantine/core';
import type { Principle } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';

const colors = { draft: 'gray', proposed: 'yellow', agreed: 'green', retired: 'dark' } as const;

/** Says which version is being worked on and which one is in force, in one sentence. */
export function PrincipleStatusBanner({ principle }: { principle: Principle }) {
  const { t, i18n } = useTranslation(['principles']);
  const { status, currentVersion: number, agreedVersion: agreed } = principle;

  const message = (() => {
    switch (status) {
      case 'retired':
        return t('banner.retired');
      case 'agreed':
        return principle.agreedAt
          ? t('banner.agreedSince', { number, date: formatDate(principle.agreedAt, i18n.language) })
          : t('banner.agreed', { number });
      default:
        return agreed === null
          ? t(`banner.${status}NoneInForce`, { number })
          : t(`banner.${status}WithInForce`, { number, agreed });
    }
  })();

  return (
    <Alert color={colors[status]} variant="light" title={t(`status.${status}`)} mb="md" role="status">
      {message}
    </Alert>
  );
}
