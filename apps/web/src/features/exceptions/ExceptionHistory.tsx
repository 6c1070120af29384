import { Stack, Table, Title } from '@mantine/core';
import type { Exception } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useUserOptions } from '../admin/user.queries';
import { useExceptionTransitions } from './exception.queries';

/** When it was raised, then each step of its workflow: from, to, note, who and when. */
export function ExceptionHistory({ exception }: { exception: Exception }) {
  const { t, i18n } = useTranslation(['exceptions']);
  const transitions = useExceptionTransitions(exception.id);
  const users = useUserOptions();
  const nameOf = (id: string | null) =>
    id ? (users.data?.find((user) => user.id === id)?.name ?? '…') : t('none');
  return (
    <Stack gap="sm" component="section" aria-labelledby="exception-history-title">
      <Title order={2} size="h4" id="exception-history-title">
        {t('detail.history')}
      </Title>
      {transitions.isPending ? (
        <PageLoader />
      ) : transitions.isError ? (
        <ErrorAlert error={transitions.error} onRetry={() => void transitions.refetch()} />
      ) : (
        <Table aria-label={t('detail.historyLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('detail.when')}</Table.Th>
              <Table.Th>{t('detail.change')}</Table.Th>
              <Table.Th>{t('detail.who')}</Table.Th>
              <Table.Th>{t('detail.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{formatDate(exception.createdAt, i18n.language, true)}</Table.Td>
              <Table.Td>{t('detail.raisedEntry')}</Table.Td>
              <Table.Td>
                {exception.reporterHidden && !exception.reportedBy
                  ? t('hiddenReporter')
                  : nameOf(exception.reportedBy)}
              </Table.Td>
              <Table.Td />
            </Table.Tr>
            {transitions.data.map((step) => (
              <Table.Tr key={step.id}>
                <Table.Td>{formatDate(step.at, i18n.language, true)}</Table.Td>
                <Table.Td>
                  {t(`status.${step.from}`)} → {t(`status.${step.to}`)}
                </Table.Td>
                <Table.Td>{nameOf(step.actorId)}</Table.Td>
                <Table.Td>{step.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
