import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../app/format';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { ExceptionBadges, SeverityBadge } from './ExceptionBadges';
import { useExceptions } from './exception.queries';
import { RaiseExceptionModal } from './RaiseExceptionModal';

/** The exceptions of one relationship, on its page, with a button to raise one. */
export function RelationshipExceptions({ relationship }: { relationship: { id: string; name: string } }) {
  const { t, i18n } = useTranslation(['exceptions']);
  const navigate = useNavigate();
  const canReport = useCan('exceptions.report');
  const [raising, { open, close }] = useDisclosure();
  const exceptions = useExceptions({
    q: '',
    status: null,
    type: null,
    severity: null,
    open: false,
    overdue: false,
    relationshipId: relationship.id,
  });
  const rows = exceptions.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="relationship-exceptions-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="relationship-exceptions-title">
          {t('relationship.title')}
        </Title>
        {canReport && (
          <Button variant="light" size="xs" onClick={open}>
            {t('relationship.raise')}
          </Button>
        )}
      </Group>
      {exceptions.isPending ? (
        <PageLoader />
      ) : exceptions.isError ? (
        <ErrorAlert error={exceptions.error} onRetry={() => void exceptions.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('relationship.emptyTitle')} description={t('relationship.emptyBody')} />
      ) : (
        <Table aria-label={t('relationship.title')}>
          <Table.Tbody>
            {rows.slice(0, 10).map((exception) => (
              <Table.Tr key={exception.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/exceptions/${exception.id}`}>
                    {exception.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t(`type.${exception.type}`)} · {formatDate(exception.createdAt, i18n.language)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <SeverityBadge severity={exception.severity} />
                </Table.Td>
                <Table.Td>
                  <ExceptionBadges exception={exception} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <RaiseExceptionModal
        opened={raising}
        onClose={close}
        relationship={relationship}
        onSaved={(exception) => void navigate(`/exceptions/${exception.id}`)}
      />
    </Stack>
  );
}
