import { Anchor, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { useModelCoverage } from './model.queries';

const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/** Which key stakeholder groups have a model in force, and who is left without one. */
export function CoveragePanel() {
  const { t } = useTranslation(['models']);
  const canWrite = useCan('approach.write');
  const coverage = useModelCoverage();

  const body = () => {
    if (coverage.isPending) return <PageLoader />;
    if (coverage.isError)
      return <ErrorAlert error={coverage.error} onRetry={() => void coverage.refetch()} />;
    const c = coverage.data;
    if (c.keyGroups === 0)
      return (
        <Text size="sm" c="dimmed">
          {t('coverage.noKeyGroups')}{' '}
          <Anchor component={Link} to="/stakeholders/groups">
            {t('coverage.toGroups')}
          </Anchor>
        </Text>
      );
    const groupsPercent = percentOf(c.coveredGroups, c.keyGroups);
    const covered = c.stakeholdersInKeyGroups - c.uncoveredStakeholders;
    const membersPercent = percentOf(covered, c.stakeholdersInKeyGroups);
    const groupsText = t('coverage.groups', { covered: c.coveredGroups, total: c.keyGroups });
    const membersText = t('coverage.members', { covered, total: c.stakeholdersInKeyGroups });
    return (
      <Stack gap="md">
        <Group grow align="flex-start">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {groupsText}
            </Text>
            <Progress
              value={groupsPercent}
              color={groupsPercent === 100 ? 'green' : 'indigo'}
              aria-label={groupsText}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {membersText}
            </Text>
            <Progress
              value={membersPercent}
              color={membersPercent === 100 ? 'green' : 'indigo'}
              aria-label={membersText}
            />
            {c.uncoveredStakeholders > 0 && (
              <Text size="xs" c="orange.8">
                {t('coverage.uncovered', { count: c.uncoveredStakeholders })}
              </Text>
            )}
            {c.uncoveredRelationships > 0 && (
              <Text size="xs" c="orange.8">
                {t('coverage.uncoveredRelationships', {
                  count: c.uncoveredRelationships,
                  total: c.relationshipsInKeyGroups,
                })}
              </Text>
            )}
          </Stack>
        </Group>
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('coverage.tableLabel')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('coverage.group')}</Table.Th>
                <Table.Th>{t('coverage.memberCount')}</Table.Th>
                <Table.Th>{t('coverage.modelsInForce')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.groups.map((group) => (
                <Table.Tr key={group.groupId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/stakeholders/groups/${group.groupId}`}>
                      {group.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{group.memberCount}</Table.Td>
                  <Table.Td>
                    {group.covered ? (
                      <Group gap="xs">
                        {group.models.map((model) => (
                          <Anchor
                            key={model.id}
                            component={Link}
                            to={`/approach/models/${model.id}`}
                            size="sm"
                          >
                            {model.agreedVersion === null
                              ? model.name
                              : t('coverage.modelVersion', { name: model.name, number: model.agreedVersion })}
                          </Anchor>
                        ))}
                      </Group>
                    ) : (
                      <Group gap="sm">
                        <Text size="sm" c="orange.8">
                          {t('coverage.none')}
                        </Text>
                        {canWrite && (
                          <Button
                            component={Link}
                            to={`/approach/models/new?groupId=${encodeURIComponent(group.groupId)}`}
                            size="compact-xs"
                            variant="light"
                            aria-label={t('coverage.createForLabel', { name: group.name })}
                          >
                            {t('coverage.createFor')}
                          </Button>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="model-coverage-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="model-coverage-title">
          {t('coverage.title')}
        </Title>
        {body()}
      </Stack>
    </Paper>
  );
}
