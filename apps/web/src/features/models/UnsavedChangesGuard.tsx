import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Asks before leaving the page with unsaved changes: inside the app with a dialog, and when the tab is
 * closed or reloaded with the browser's own prompt.
 */
export function UnsavedChangesGuard({ when }: { when: () => boolean }) {
  const { t } = useTranslation(['models']);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    return currentLocation.pathname !== nextLocation.pathname && when();
  });

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!when()) return;
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);

  if (blocker.state !== 'blocked') return null;
  return (
    <Modal opened onClose={() => blocker.reset()} title={t('editor.leaveTitle')}>
      <Text size="sm">{t('editor.leaveBody')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => blocker.reset()} data-autofocus>
          {t('editor.stay')}
        </Button>
        <Button color="red" onClick={() => blocker.proceed()}>
          {t('editor.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
