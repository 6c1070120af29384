import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../auth/auth.queries';
import type { NextStep } from './approach.next';

/** A step to take, with a link to where it is done; a user whose role cannot do it is told so. */
export function NextStepAction({ step, prominent = false }: { step: NextStep; prominent?: boolean }) {
  const { t } = useTranslation(['approach']);
  const allowed = useCan(step.permission);
  return (
    <Group justify="space-between" align="center" wrap="wrap" gap="sm">
      <div>
        <Text size={prominent ? 'md' : 'sm'} fw={prominent ? 600 : 500}>
          {t(`next.${step.key}`, step.values)}
        </Text>
        {!allowed && (
          <Text size="xs" c="dimmed">
            {t('next.otherRole')}
          </Text>
        )}
      </div>
      <Button
        component={Link}
        to={step.to}
        size={prominent ? 'sm' : 'xs'}
        variant={allowed ? 'filled' : 'light'}
      >
        {allowed ? t(`next.action.${step.key}`) : t('next.look')}
      </Button>
    </Group>
  );
}
