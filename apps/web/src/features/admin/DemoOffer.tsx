import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCan } from '../auth/auth.queries';
import { useDemoChange, useDemoStatus } from './demo.queries';

/**
 * On an empty organisation, offers administrators the demo organisation (loaded all or nothing); once loaded,
 * offers to remove it as a whole. Shown on the dashboard; nothing for other roles.
 */
export function DemoOffer() {
  const { t } = useTranslation('admin');
  const canManage = useCan('demo.manage');
  const status = useDemoStatus(canManage);
  const change = useDemoChange();
  if (!canManage || !status.data) return null;
  const { loaded, organisationEmpty } = status.data;
  if (!loaded && !organisationEmpty) return null;
  return (
    <Alert
      color={loaded ? 'gray' : 'blue'}
      variant="light"
      mb="lg"
      title={t(loaded ? 'demo.loadedTitle' : 'demo.offerTitle')}
    >
      <Text size="sm" mb="sm">
        {t(loaded ? 'demo.loadedBody' : 'demo.offerBody')}
      </Text>
      {change.error ? <ErrorAlert error={change.error} /> : null}
      <Group>
        <Button
          size="sm"
          variant={loaded ? 'default' : 'filled'}
          loading={change.isPending}
          onClick={() => change.mutate(loaded ? 'remove' : 'load')}
        >
          {t(loaded ? 'demo.remove' : 'demo.load')}
        </Button>
        {change.isPending ? (
          <Text size="sm" c="dimmed">
            {t(loaded ? 'demo.removing' : 'demo.loading')}
          </Text>
        ) : null}
      </Group>
    </Alert>
  );
}
