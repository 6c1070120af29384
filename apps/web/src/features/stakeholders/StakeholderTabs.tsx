import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
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
  const navigate = useNavigate();
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

  return (
    <Tabs
      value={active}
      onChange={(path) => {
        if (!path) return;
        const search = carriesFilters(path) && carriesFilters(active) ? location.search : '';
        void navigate(`${path}${search.replace(/([?&])asOf=[^&]*&?/, '$1').replace(/[?&]$/, '')}`);
      }}
      mb="md"
      aria-label={t('tabs.label')}
    >
      <Tabs.List>
        {shown.map((tab) => (
          <Tabs.Tab key={tab.path} value={tab.path}>
            {t(`tabs.${tab.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
