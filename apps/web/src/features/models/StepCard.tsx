import { Badge, Card, List, Stack, Table, Text, Title } from '@mantine/core';
import type { RelationshipModel } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';

type Step = RelationshipModel['steps'][number];

function SentenceList({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={4} size="h6">
        {title}
      </Title>
      <List size="sm" spacing={2}>
        {items.map((item, index) => (
          // Sentences may repeat; their place in the list is what tells them apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <List.Item key={index}>{item}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** One step of the journey: what it is for, its checklist, who does what and what to watch. */
export function StepCard({ step, number }: { step: Step; number: number }) {
  const { t } = useTranslation(['models']);
  return (
    <Card withBorder radius="md" padding="md" w={320} h="100%">
      <Stack gap="sm">
        <Stack gap={4}>
          <Title order={3} size="h5">
            {number}. {step.name}
          </Title>
          {step.contactEveryDays !== null && (
            <Badge variant="light" color="teal" w="fit-content" tt="none">
              {t('detail.stepCadence', { days: step.contactEveryDays })}
            </Badge>
          )}
          {step.purpose && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {step.purpose}
            </Text>
          )}
        </Stack>
        <Stack gap={4}>
          <Title order={4} size="h6">
            {t('fields.activities')}
          </Title>
          {step.activities.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('detail.noActivities')}
            </Text>
          ) : (
            <List size="sm" spacing={2} listStyleType="'☐  '">
              {step.activities.map((activity) => (
                <List.Item key={activity.key}>{activity.text}</List.Item>
              ))}
            </List>
          )}
        </Stack>
        {step.responsibilities.length > 0 && (
          <Stack gap={4}>
            <Title order={4} size="h6">
              {t('fields.responsibilities')}
            </Title>
            <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('detail.role')}</Table.Th>
                  <Table.Th>{t('detail.raci')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {step.responsibilities.map((responsibility, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a role may be named twice; the row is its place.
                  <Table.Tr key={index}>
                    <Table.Td>{responsibility.role}</Table.Td>
                    <Table.Td>
                      <abbr title={t(`raci.${responsibility.raci}`)}>{responsibility.raci}</abbr>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
        <SentenceList title={t('fields.risks')} items={step.risks} />
        <SentenceList title={t('fields.opportunities')} items={step.opportunities} />
        <SentenceList title={t('fields.behaviours')} items={step.behaviours} />
      </Stack>
    </Card>
  );
}
