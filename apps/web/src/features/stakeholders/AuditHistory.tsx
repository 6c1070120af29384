import { Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useUserOptions } from '../admin/user.queries';
import { useCan } from '../auth/auth.queries';
import { useStakeholderAudit } from './stakeholder.queries';

/** Fields whose value differs between two snapshots of a record. */
function changedFields(before: unknown, after: unknown): string[] {
  const a = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const b = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const ignored = new Set(['version', 'updatedAt', 'createdAt', 'id']);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (key) => !ignored.has(key) && JSON.stringify(a[key]) !== JSON.stringify(b[key]),
  );
}

function short(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Every change to the record from the audit log (for those who may read it). */
export function AuditHistory({ stakeholderId }: { stakeholderId: string }) {
  const { t, i18n } = useTranslation(['stakeholders', 'common', 'enums']);
  const audit = useStakeholderAudit(stakeholderId, true);
  const users = useUserOptions(useCan('users.read'));
  const names = new Map((users.data ?? []).map((user) => [user.id, user.name]));

  if (audit.isPending) return <PageLoader />;
  if (audit.isError) return <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />;
  const entries = audit.data.pages.flatMap((page) => page.data);
  if (entries.length === 0)
    return <EmptyState title={t('audit.emptyTitle')} description={t('audit.emptyBody')} />;

  return (
    <Stack>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" aria-label={t('audit.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.when')}</Table.Th>
              <Table.Th>{t('audit.who')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => {
              const before = (entry.before ?? {}) as Record<string, unknown>;
              const after = (entry.after ?? {}) as Record<string, unknown>;
              return (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(entry.at, i18n.language, true)}
                  </Table.Td>
                  <Table.Td>{entry.actorId ? (names.get(entry.actorId) ?? entry.actorId) : '—'}</Table.Td>
                  <Table.Td>
                    <Code>{entry.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {changedFields(entry.before, entry.after).map((field) => (
                        <Text size="xs" key={field}>
                          <Text span fw={500}>
                            {field}
                          </Text>
                          : {short(before[field])} → {short(after[field])}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {audit.hasNextPage && (
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => void audit.fetchNextPage()}
            loading={audit.isFetchingNextPage}
          >
            {t('common:actions.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
