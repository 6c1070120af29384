import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useMemberships } from '../groups/group.queries';
import { StakeholderMiniTable } from '../stakeholders/StakeholderMiniTable';
import { StakeholderTabs } from '../stakeholders/StakeholderTabs';
import { noFilters } from '../stakeholders/stakeholder.filters';
import { useStakeholderList } from '../stakeholders/stakeholder.queries';
import { StakeholderGroupsCell } from './StakeholderGroupsCell';

export default function DuePage() {
  const { t, i18n } = useTranslation(['analysis', 'stakeholders']);
  const due = useStakeholderList(noFilters, { due: true, sort: 'lastAssessedAt' });
  // Up to 200 ids a request: the first pages of a due list, which is what people look at.
  const ids = (due.data?.pages.flatMap((page) => page.data.map((s) => s.id)) ?? []).slice(0, 200);
  const memberships = useMemberships(ids);

  return (
    <>
      <PageHeader title={t('due.title')} description={t('due.description')} />
      <StakeholderTabs />
      <StakeholderMiniTable
        list={due}
        label={t('due.title')}
        columns={[
          {
            header: t('due.lastAssessed'),
            cell: (s) => (s.lastAssessedAt ? formatDate(s.lastAssessedAt, i18n.language) : t('due.never')),
          },
          {
            header: t('due.groups'),
            cell: (s) => <StakeholderGroupsCell groups={memberships.data?.get(s.id)} />,
          },
        ]}
        empty={
          <EmptyState
            title={t('due.emptyTitle')}
            description={t('due.emptyBody')}
            action={
              <Button component={Link} to="/stakeholders/groups" variant="light">
                {t('due.toGroups')}
              </Button>
            }
          />
        }
      />
    </>
  );
}
