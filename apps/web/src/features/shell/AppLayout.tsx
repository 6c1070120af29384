import { AppShell, Burger, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterNavLink, useLocation } from 'react-router';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { LanguageSwitcher } from '../auth/LanguageSwitcher';
import { NotificationBell } from '../notifications/NotificationBell';
import { UserMenu } from './UserMenu';

const sections = [
  { to: '/stakeholders', key: 'stakeholders' },
  { to: '/relationships', key: 'relationships' },
  { to: '/exceptions', key: 'exceptions' },
  { to: '/approach', key: 'approach' },
  { to: '/reviews', key: 'reviews' },
  { to: '/improvements', key: 'improvements' },
  { to: '/lessons', key: 'lessons' },
  { to: '/reports', key: 'reports' },
] as const;

export default function AppLayout() {
  const { t } = useTranslation([
    'shell',
    'common',
    'enums',
    'work',
    'surveys',
    'webhooks',
    'valueChain',
    'kpis',
    'dashboard',
    'exports',
  ]);
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const canManageUsers = useCan('users.manage');

  const link = (to: string, label: string) => (
    <NavLink
      key={to}
      component={RouterNavLink}
      to={to}
      label={label}
      active={location.pathname === to || location.pathname.startsWith(`${to}/`)}
      onClick={close}
    />
  );

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('toggleNavigation')}
            />
            <Text fw={700} size="lg" c="indigo.7">
              {t('common:appName')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('mainNavigation')}>
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label={t('mainNavigation')}>
            <Stack gap={2}>
              {link('/work', t('work:nav'))}
              {link('/dashboard', t('dashboard:nav'))}
              {sections.map((section) => link(section.to, t(`nav.${section.key}`)))}
              {link('/kpis', t('kpis:nav'))}
              {link('/reports/value-chain', t('valueChain:nav'))}
              {link('/surveys', t('surveys:nav'))}
              {canManageUsers && (
                <>
                  <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="md" px="sm">
                    {t('nav.admin')}
                  </Text>
                  {link('/admin/users', t('nav.users'))}
                  {link('/admin/webhooks', t('webhooks:nav'))}
                  {link('/admin/export', t('exports:nav'))}
                </>
              )}
            </Stack>
          </nav>
        </AppShell.Section>
        <AppShell.Section component="footer" px="sm" pt="xs">
          <Text size="xs" c="dimmed">
            {t('version', { version: __RAPPORT_VERSION__ })}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
