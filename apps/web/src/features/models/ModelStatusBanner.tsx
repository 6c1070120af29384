import { Alert } from '@mantine/core';
import type { RelationshipModel } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';

const colors = { draft: 'gray', proposed: 'yellow', agreed: 'green', retired: 'dark' } as const;

/** Which version is being worked on and which one is in force, in one sentence. */
export function ModelStatusBanner({ model }: { model: RelationshipModel }) {
  const { t, i18n } = useTranslation(['models', 'principles']);
  const { status, currentVersion: number, agreedVersion: agreed } = model;

  const message = (() => {
    switch (status) {
      case 'retired':
        return t('banner.retired');
      case 'agreed':
        return model.agreedAt
          ? t('banner.agreedSince', { number, date: formatDate(model.agreedAt, i18n.language) })
          : t('banner.agreed', { number });
      default:
        return agreed === null
          ? t(`banner.${status}NoneInForce`, { number })
          : t(`banner.${status}WithInForce`, { number, agreed });
    }
  })();

  return (
    <Alert color={colors[status]} variant="light" title={t(`principles:status.${status}`)}>
      {message}
    </Alert>
  );
}
