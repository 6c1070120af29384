import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderShown } from '../app/page-ready';

export function PageLoader() {
  const { t } = useTranslation(['common', 'enums']);
  useLoaderShown();
  return (
    <Center mih={200} role="status" aria-live="polite">
      <Loader aria-label={t('loading')} />
    </Center>
  );
}
