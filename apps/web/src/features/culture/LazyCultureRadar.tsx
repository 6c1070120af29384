import { Center, Loader } from '@mantine/core';
import { type ComponentProps, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { CultureRadar as Radar } from './CultureRadar';

// The chart library is large: the page, its scores table included, shows first and the radar follows.
const CultureRadar = lazy(() =>
  import('./CultureRadar').then((module) => ({ default: module.CultureRadar })),
);

export function LazyCultureRadar(props: ComponentProps<typeof Radar>) {
  const { t } = useTranslation(['common']);
  return (
    <Suspense
      fallback={
        <Center h={360}>
          <Loader size="sm" aria-label={t('loading')} />
        </Center>
      }
    >
      <CultureRadar {...props} />
    </Suspense>
  );
}
