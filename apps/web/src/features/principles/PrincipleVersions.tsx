import { Stack, Table, Text, Title } from '@mantine/core';
import type { DocumentVersionSummary } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useUserOptions } from '../admin/user.queries';
import { AgreementStatusBadge } from './AgreementStatusBadge';
import { usePrincipleVersions } from './principle.queries';
import { VersionDiff } from './VersionDiff';

interface StepProps {
  at: string | null;
  /** Who took the step: a name, `null` for a user no longer listed, absent when the step has no author. */
  by?: string | null;
}

/** "who, when" of one workflow step of a version, or a dash when the step has not happened. */
function Step({ by, at }: StepProps) {
  const { t, i18n } = useTranslation(['principles']);
  if (!at) return <Text c="dimmed">—</Text>;
  const date = formatDate(at, i18n.language, true);
  return (
    <Text size="sm">
      {by === undefined ? date : t('versions.byOn', { name: by ?? t('versions.unknownUser'), date })}
    </Text>
  );
}

/** The author's note on what changed, and the notes of the agreement steps (agreed or sent back, retired). */
function Notes({ version }: { version: DocumentVersionSummary }) {
  const { t } = useTranslation(['principles']);
  const notes = [
    { label: t('versions.changeNote'), text: version.changeNote },
    { label: t('versions.agreementNote'), text: version.agreementNote },
    { label: t('versions.retirementNote'), text: version.retirementNote },
  ].filter((note) => note.text);
  if (notes.length === 0) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={4}>
      {notes.map((note) => (
        <Text key={note.label} size="sm" style={{ whiteSpace: 'pre-line' }}>
          <Text span fw={600} size="sm">
            {note.label}:
          </Text>{' '}
          {note.text}
        </Text>
      ))}
    </Stack>
  );
}

export function PrincipleVersions({ principleId }: { principleId: string }) {
  const { t } = useTranslation(['principles']);
  const versions = usePrincipleVersions(principleId);
  const users = useUserOptions();
  const nameOf = (id: string | null) =>
    id ? (users.data?.find((user) => user.id === id)?.name ?? null) : null;

  if (versions.isPending) return <PageLoader />;
  if (versions.isError) return <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />;
  const list: DocumentVersionSummary[] = versions.data;

  return (
    <Stack gap="lg">
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label={t('versions.title')} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('versions.number')}</Table.Th>
              <Table.Th>{t('fields.title')}</Table.Th>
              <Table.Th>{t('versions.written')}</Table.Th>
              <Table.Th>{t('versions.proposed')}</Table.Th>
              <Table.Th>{t('versions.agreed')}</Table.Th>
              <Table.Th>{t('versions.retired')}</Table.Th>
              <Table.Th>{t('versions.notes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((version) => (
              <Table.Tr key={version.number}>
                <Table.Td w={110}>
                  <Stack gap={4} align="flex-start">
                    <Text fw={600}>{t('list.versionNumber', { number: version.number })}</Text>
                    <AgreementStatusBadge status={version.status} />
                  </Stack>
                </Table.Td>
                <Table.Td>{version.title}</Table.Td>
                <Table.Td>
                  <Step by={nameOf(version.createdBy)} at={version.createdAt} />
                </Table.Td>
                <Table.Td>
                  <Step by={nameOf(version.proposedBy)} at={version.proposedAt} />
                </Table.Td>
                <Table.Td>
                  <Step by={nameOf(version.agreedBy)} at={version.agreedAt} />
                </Table.Td>
                <Table.Td>
                  <Step at={version.retiredAt} />
                </Table.Td>
                <Table.Td>
                  <Notes version={version} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.length > 1 ? (
        <VersionDiff key={list.length} principleId={principleId} versions={list} />
      ) : (
        <Stack gap={4}>
          <Title order={3} size="h4">
            {t('diff.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('diff.onlyOne')}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
