import {
  Anchor,
  Badge,
  Divider,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { flows, outputLinks, processInputs } from './approach.activities';
import type { Activity, NextStep } from './approach.next';
import { NextStepAction } from './NextStepAction';

interface Props {
  number: number;
  activity: Activity;
  step: NextStep | null;
  children: ReactNode;
}

const inputLinks: Record<string, string | null> = Object.fromEntries(
  processInputs.map((input) => [input.key, input.to]),
);

/** One activity of the process: what it is for, where it stands, what it uses and produces, what to do next. */
export function ActivityCard({ number, activity, step, children }: Props) {
  const { t } = useTranslation(['approach']);
  const titleId = useId();
  const flow = flows[activity];

  return (
    <Paper component="section" aria-labelledby={titleId} withBorder radius="md" p="md">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon
          size={36}
          radius="xl"
          variant={step ? 'filled' : 'light'}
          color={step ? 'indigo' : 'green'}
          aria-hidden="true"
        >
          <Text fw={700}>{number}</Text>
        </ThemeIcon>
        <Stack gap="sm" style={{ flex: 1 }}>
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <div>
              <Title order={2} size="h4" id={titleId}>
                <VisuallyHidden>{t('overview.step', { number })} </VisuallyHidden>
                {t(`activities.${activity}.title`)}
              </Title>
              <Text size="sm" c="dimmed">
                {t(`activities.${activity}.purpose`)}
              </Text>
            </div>
            <Badge color={step ? 'orange' : 'green'} variant="light" tt="none">
              {step ? t('overview.needsAttention') : t('overview.upToDate')}
            </Badge>
          </Group>
          {children}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <div>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                {t('overview.inputs')}
              </Text>
              <List size="sm" spacing={2}>
                {flow.inputs.map((input) => {
                  const to = inputLinks[input];
                  return (
                    <List.Item key={input}>
                      {to ? (
                        <Anchor component={Link} to={to} size="sm">
                          {t(`inputs.${input}`)}
                        </Anchor>
                      ) : (
                        t(`inputs.${input}`)
                      )}
                    </List.Item>
                  );
                })}
                {flow.builds.map((output) => (
                  <List.Item key={output}>
                    <Anchor component={Link} to={outputLinks[output]} size="sm">
                      {t(`outputs.${output}`)}
                    </Anchor>{' '}
                    <Text span size="xs" c="dimmed">
                      {t('overview.fromEarlier')}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </div>
            <div>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                {t('overview.outputs')}
              </Text>
              <List size="sm" spacing={2}>
                {flow.outputs.map((output) => (
                  <List.Item key={output}>
                    <Anchor component={Link} to={outputLinks[output]} size="sm">
                      {t(`outputs.${output}`)}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </div>
          </SimpleGrid>
          <Divider />
          {step ? (
            <NextStepAction step={step} />
          ) : (
            <Text size="sm" c="green.8">
              {t(`activities.${activity}.done`)}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
