import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

const tabs = [
  { path: '/approach', key: 'overview' },
  { path: '/approach/culture', key: 'culture' },
  { path: '/approach/org-units', key: 'orgUnits' },
  { path: '/approach/principles', key: 'principles' },
  { path: '/approach/models', key: 'models' },
  { path: '/approach/materials', key: 'materials' },
  { path: '/approach/reviews', key: 'reviews' },
] as const;

/** The views of the Approach section, in the order of the process (guide §3.2.1). */
export function ApproachTabs() {
  const { t } = useTranslation(['approach']);
  const location = useLocation();
  const active =
    [...tabs].reverse().find((tab) => location.pathname.startsWith(tab.path))?.path ?? '/approach';
  return (
    <Group component="nav" aria-label={t('tabs.label')} gap={4} mb="md" wrap="wrap">
      {tabs.map((tab) => {
        const current = tab.path === active;
        return (
          <Button
            key={tab.path}
            component={Link}
            to={tab.path}
            variant={current ? 'light' : 'subtle'}
            size="compact-md"
            aria-current={current ? 'page' : undefined}
          >
            {t(`tabs.${tab.key}`)}
          </Button>
        );
      })}
    </Group>
  );
}
