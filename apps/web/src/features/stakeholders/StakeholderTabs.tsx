import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCan } from '../auth/auth.queries';

const tabs = [
  { path: '/stakeholders', key: 'register' },
  { path: '/stakeholders/map', key: 'map' },
  { path: '/stakeholders/salience', key: 'salience' },
  { path: '/stakeholders/engagement', key: 'engagement' },
  { path: '/stakeholders/groups', key: 'groups' },
  { path: '/stakeholders/due', key: 'due' },
  { path: '/stakeholders/duplicates', key: 'duplicates' },
  { path: '/stakeholders/import', key: 'import' },
] as const;

/** The views of the Stakeholders section; the filters in the address travel between them. */
export function StakeholderTabs() {
  const { t } = useTranslation(['analysis']);
  const location = useLocation();
  const canMerge = useCan('stakeholders.merge');
  const canImport = useCan('stakeholders.import');
  const active =
    [...tabs].reverse().find((tab) => location.pathname.startsWith(tab.path))?.path ?? '/stakeholders';
  const shown = tabs.filter(
    (tab) => (tab.key !== 'duplicates' || canMerge) && (tab.key !== 'import' || canImport),
  );
  // Filters apply to register, map, salience and engagement, so switching between them keeps them.
  const carriesFilters = (path: string) =>
    ['/stakeholders', '/stakeholders/map', '/stakeholders/salience', '/stakeholders/engagement'].includes(
      path,
    );

  const hrefOf = (path: string) => {
    const search = carriesFilters(path) && carriesFilters(active) ? location.search : '';
    return `${path}${search.replace(/([?&])asOf=[^&]*&?/, '$1').replace(/[?&]$/, '')}`;
  };

  // Links, not tabs: each view is a page of its own with its own address.
  return (
    <Group component="nav" aria-label={t('tabs.label')} gap={4} mb="md" wrap="wrap">
      {shown.map((tab) => {
        const current = tab.path === active;
        return (
          <Button
            key={tab.path}
            component={Link}
            to={hrefOf(tab.path)}
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
