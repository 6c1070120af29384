import type { Permission } from '@rapport/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { useCan } from './auth.queries';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation(['common', 'enums']);
  const allowed = useCan(permission);
  if (!allowed) return <EmptyState title={t('forbidden.title')} description={t('forbidden.body')} />;
  return children;
}
