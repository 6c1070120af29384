import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type FeedChange = 'create' | 'rotate' | 'revoke';

interface ConfirmFeedChangeProps {
  change: FeedChange | null;
  busy: boolean;
  onConfirm: (change: FeedChange) => void;
  onCancel: () => void;
}

/** Asks before the feed's address is made, replaced or turned off: the last two break existing subscriptions. */
export function ConfirmFeedChange({ change, busy, onConfirm, onCancel }: ConfirmFeedChangeProps) {
  const { t } = useTranslation(['calendar', 'common']);
  return (
    <Modal opened={change !== null} onClose={onCancel} title={change ? t(`confirm.${change}.title`) : ''}>
      {change && (
        <Stack gap="md">
          <Text size="sm">{t(`confirm.${change}.body`)}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('confirm.cancel')}
            </Button>
            <Button
              color={change === 'revoke' ? 'red' : 'indigo'}
              loading={busy}
              onClick={() => onConfirm(change)}
              data-autofocus
            >
              {t(`confirm.${change}.action`)}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
