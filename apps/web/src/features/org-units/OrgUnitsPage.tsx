import { Button, Group, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OrgUnit } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { problemText } from '../../app/forms';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ApproachTabs } from '../approach/ApproachTabs';
import { useCan } from '../auth/auth.queries';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { OrgUnitFormModal } from './OrgUnitFormModal';
import { OrgUnitTree } from './OrgUnitTree';
import { useArchiveOrgUnit } from './org-unit.mutations';
import { useOrgUnits } from './org-unit.queries';

type Editing = { unit?: OrgUnit; parentId: string | null } | null;

export default function OrgUnitsPage() {
  const { t } = useTranslation(['approach', 'common']);
  const canWrite = useCan('org.write');
  const [showArchived, setShowArchived] = useState(false);
  const units = useOrgUnits(showArchived ? 'true' : 'false');
  const archive = useArchiveOrgUnit();
  const [editing, setEditing] = useState<Editing>(null);

  const toggleArchive = (unit: OrgUnit) => {
    const restore = Boolean(unit.archivedAt);
    archive.mutate(
      { unit, restore },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: t(restore ? 'orgUnits.restored' : 'orgUnits.archivedDone', { name: unit.name }),
          }),
        onError: (error) =>
          notifications.show({
            color: isApiError(error, 409) ? 'orange' : 'red',
            message: isApiError(error, 409) ? t('orgUnits.conflictReloaded') : problemText(error),
          }),
      },
    );
  };

  const addTopLevel = () => setEditing({ parentId: null });

  return (
    <>
      <ApproachTabs />
      <PageHeader
        title={t('orgUnits.title')}
        description={t('orgUnits.description')}
        actions={
          <>
            <ExportCsvButton
              path="/org-units"
              params={{ archived: showArchived ? 'true' : undefined, sort: 'name' }}
            />
            {canWrite && <Button onClick={addTopLevel}>{t('orgUnits.add')}</Button>}
          </>
        }
      />
      <Group mb="md">
        <Switch
          label={t('orgUnits.showArchived')}
          checked={showArchived}
          onChange={(event) => setShowArchived(event.currentTarget.checked)}
        />
      </Group>
      {units.isPending ? (
        <PageLoader />
      ) : units.isError ? (
        <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />
      ) : units.data.length === 0 ? (
        <EmptyState
          title={t('orgUnits.emptyTitle')}
          description={
            <>
              <Text size="sm" component="span" display="block" mb="xs">
                {t('orgUnits.emptyWhy')}
              </Text>
              {canWrite ? t('orgUnits.emptyBody') : t('orgUnits.emptyBodyReadOnly')}
            </>
          }
          action={
            canWrite ? (
              <Button variant="light" onClick={addTopLevel}>
                {t('orgUnits.addFirst')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <OrgUnitTree
          units={units.data}
          actions={
            canWrite
              ? {
                  onEdit: (unit) => setEditing({ unit, parentId: unit.parentId }),
                  onAddBelow: (unit) => setEditing({ parentId: unit.id }),
                  onArchive: toggleArchive,
                  busyId: archive.isPending ? (archive.variables?.unit.id ?? null) : null,
                }
              : undefined
          }
        />
      )}
      <OrgUnitFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        unit={editing?.unit}
        parentId={editing?.parentId ?? null}
      />
    </>
  );
}
