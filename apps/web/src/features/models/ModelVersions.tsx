import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useUserOptions } from '../admin/user.queries';
import { useCan } from '../auth/auth.queries';
import { AgreementStatusBadge } from '../principles/AgreementStatusBadge';
import { useModelVersions } from './model.queries';
import { VersionCompare } from './VersionCompare';

/** "name, date" of one workflow step of a version, with its note; a dash when it has not happened. */
function StepTaken({ at, by, note }: { at: string | null; by: string | null; note?: string }) {
  const { t, i18n } = useTranslation(['models']);
  if (!at) return <Text c="dimmed">—</Text>;
  const date = formatDate(at, i18n.language, true);
  return (
    <Stack gap={2}>
      <Text size="sm">{by ? t('versions.byOn', { name: by, date }) : date}</Text>
      {note && (
        <Text size="xs" c="dimmed">
          “{note}”
        </Text>
      )}
    </Stack>
  );
}

export function ModelVersions({ modelId }: { modelId: string }) {
  const { t } = useTranslation(['models']);
  const versions = useModelVersions(modelId);
  const users = useUserOptions(useCan('users.read'));
  const nameOf = (id: string | null) =>
    id ? (users.data?.find((user) => user.id === id)?.name ?? null) : null;

  if (versions.isPending) return <PageLoader />;
  if (versions.isError) return <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />;
  const list = versions.data;

  return (
    <Stack gap="xl">
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label={t('versions.title')} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('versions.number')}</Table.Th>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('versions.written')}</Table.Th>
              <Table.Th>{t('versions.proposed')}</Table.Th>
              <Table.Th>{t('versions.agreed')}</Table.Th>
              <Table.Th>{t('versions.retired')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((version) => (
              <Table.Tr key={version.number}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Stack gap={4} align="flex-start">
                    <Text fw={600}>{t('list.versionNumber', { number: version.number })}</Text>
                    <AgreementStatusBadge status={version.status} />
                  </Stack>
                </Table.Td>
                <Table.Td>{version.title}</Table.Td>
                <Table.Td>
                  <StepTaken
                    at={version.createdAt}
                    by={nameOf(version.createdBy)}
                    note={version.changeNote}
                  />
                </Table.Td>
                <Table.Td>
                  <StepTaken at={version.proposedAt} by={nameOf(version.proposedBy)} />
                </Table.Td>
                <Table.Td>
                  <StepTaken
                    at={version.agreedAt}
                    by={nameOf(version.agreedBy)}
                    note={version.agreementNote}
                  />
                </Table.Td>
                <Table.Td>
                  <StepTaken at={version.retiredAt} by={null} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.length > 1 ? (
        <VersionCompare key={list.length} modelId={modelId} versions={list} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('compare.onlyOne')}
        </Text>
      )}
    </Stack>
  );
}
