import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import i18n from './i18n';
import { usePageReadySignal } from './page-ready';
import { queryClient } from './queryClient';
import { createAppTheme } from './theme';

function ThemedMantine({ children }: { children: ReactNode }) {
  const { t, i18n: instance } = useTranslation('common');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the theme is rebuilt when the language changes.
  const theme = useMemo(() => createAppTheme(t), [t, instance.resolvedLanguage]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      {children}
    </MantineProvider>
  );
}

function PageReadySignal() {
  usePageReadySignal();
  return null;
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <PageReadySignal />
        <ThemedMantine>{children}</ThemedMantine>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
