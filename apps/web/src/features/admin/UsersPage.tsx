import { Badge, Button, Group, Select, Table, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { roles, type User } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { UserFormModal } from './UserFormModal';
import { useUsers } from './user.queries';

export default function UsersPage() {
  const { t } = useTranslation(['admin', 'common', 'enums']);
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [debouncedQ] = useDebouncedValue(q, 300);
  const users = useUsers(debouncedQ, role);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <>
            <ExportCsvButton path="/users" params={{ q: debouncedQ.trim(), role, sort: 'name' }} />
            <Button onClick={() => setCreating(true)}>{t('users.create')}</Button>
          </>
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          label={t('users.search')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          type="search"
          w={260}
        />
        <Select
          label={t('fields.role')}
          placeholder={t('users.anyRole')}
          data={roles.map((value) => ({ value, label: t(`enums:role.${value}`) }))}
          value={role}
          onChange={setRole}
          clearable
          w={240}
        />
      </Group>
      {users.isPending ? (
        <PageLoader />
      ) : users.isError ? (
        <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.data.length === 0 ? (
        <EmptyState title={t('users.emptyTitle')} description={t('users.emptyBody')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('users.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th>{t('fields.email')}</Table.Th>
                <Table.Th>{t('fields.role')}</Table.Th>
                <Table.Th>{t('fields.competencies')}</Table.Th>
                <Table.Th>{t('users.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.data.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td fw={500}>{user.name}</Table.Td>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>{t(`enums:role.${user.role}`)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {user.competencies.map((code) => (
                        <Badge key={code} variant="light" title={t(`enums:competency.${code}`)}>
                          {code}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {user.deactivatedAt ? (
                      <Badge color="gray">{t('users.deactivated')}</Badge>
                    ) : (
                      <Badge color="green" variant="light">
                        {t('users.active')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setEditing(user)}
                      aria-label={t('users.editUser', { name: user.name })}
                    >
                      {t('common:actions.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <UserFormModal opened onClose={() => setCreating(false)} />}
      {editing && <UserFormModal key={editing.id} opened user={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
