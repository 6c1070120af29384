import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from './EmptyState';

export default function NotFoundPage() {
  const { t } = useTranslation(['common', 'enums']);
  return (
    <EmptyState
      title={t('notFound.title')}
      description={t('notFound.body')}
      action={
        <Button component={Link} to="/stakeholders">
          {t('notFound.action')}
        </Button>
      }
    />
  );
}
