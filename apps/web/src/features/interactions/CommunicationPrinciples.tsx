import { Button, Collapse, List, Paper, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const principles = ['twoWay', 'always', 'timing', 'noSingleMethod', 'medium'] as const;

/** The five communication principles (guide §2.2.3), folded away until someone wants a reminder. */
export function CommunicationPrinciples() {
  const { t } = useTranslation(['interactions']);
  const [opened, { toggle }] = useDisclosure(false);
  const panelId = useId();
  return (
    <Paper withBorder p="xs" radius="md" bg="var(--mantine-color-blue-light)">
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={toggle}
        aria-expanded={opened}
        aria-controls={panelId}
      >
        {opened ? t('principles.hide') : t('principles.show')}
      </Button>
      <Collapse expanded={opened} id={panelId}>
        <Text size="sm" fw={600} mt="xs">
          {t('principles.title')}
        </Text>
        <List type="ordered" size="sm" spacing={2} mt={4}>
          {principles.map((key) => (
            <List.Item key={key}>{t(`principles.${key}`)}</List.Item>
          ))}
        </List>
      </Collapse>
    </Paper>
  );
}
