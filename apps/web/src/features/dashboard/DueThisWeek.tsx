import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Dashboard } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const kinds = ['reviews', 'contacts', 'followUps'] as const;

/** Reviews, contacts and follow-ups due in the next seven days or overdue: counts and the soonest few, linked. */
export function DueThisWeek({ due }: { due: Dashboard['due'] }) {
  const { t } = useTranslation('dashboard');
  const nothing = kinds.every((kind) => due[kind].due + due[kind].overdue === 0);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-label={t('due.title')}
      data-testid="due-this-week"
    >
      <Title order={2} size="h4" mb="xs">
        {t('due.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('due.range', { until: due.until })}
      </Text>
      {nothing ? (
        <Text size="sm">{t('due.nothing')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {kinds.map((kind) => (
            <Stack key={kind} gap={4}>
              <Group gap="xs">
                <Text fw={600}>{t(`due.${kind}`)}</Text>
                <Badge variant="light">{t('due.dueCount', { count: due[kind].due })}</Badge>
                {due[kind].overdue > 0 && (
                  <Badge color="red" variant="light">
                    {t('due.overdueCount', { count: due[kind].overdue })}
                  </Badge>
                )}
              </Group>
              {due[kind].items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('due.none')}
                </Text>
              ) : (
                <List size="sm" spacing={2}>
                  {due[kind].items.map((item) => (
                    <List.Item key={item.id}>
                      <Anchor component={Link} to={`/relationships/${item.relationshipId}`}>
                        {item.name}
                      </Anchor>{' '}
                      <Text span size="sm" c={item.overdue ? 'red' : 'dimmed'}>
                        {item.overdue
                          ? t('due.overdueOn', { date: item.dueOn })
                          : t('due.dueOn', { date: item.dueOn })}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}
