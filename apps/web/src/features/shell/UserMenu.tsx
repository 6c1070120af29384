import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { problemText } from '../../app/forms';
import { useSignOut } from '../auth/auth.mutations';
import { useCan, useCurrentUser } from '../auth/auth.queries';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    parts.length > 1 ? `${parts[0]?.[0] ?? ''}${parts.at(-1)?.[0] ?? ''}` : name.slice(0, 2)
  ).toUpperCase();
}

export function UserMenu() {
  const { t } = useTranslation(['shell', 'common', 'enums']);
  const me = useCurrentUser();
  const canOwnTokens = useCan('tokens.own');
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [passwordOpen, passwordDialog] = useDisclosure(false);

  return (
    <>
      <ChangePasswordModal opened={passwordOpen} onClose={passwordDialog.close} />
      <Menu position="bottom-end" width={240}>
        <Menu.Target>
          <UnstyledButton aria-label={t('userMenu', { name: me.name })}>
            <Avatar color="indigo" radius="xl" size={32}>
              {initials(me.name)}
            </Avatar>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text size="sm" fw={600} c="dark">
              {me.name}
            </Text>
            <Text size="xs" c="dimmed">
              {me.email} · {t(`enums:role.${me.role}`)}
            </Text>
          </Menu.Label>
          <Menu.Item onClick={passwordDialog.open}>{t('changePassword')}</Menu.Item>
          {canOwnTokens && (
            <Menu.Item component={Link} to="/settings/tokens">
              {t('nav.tokens')}
            </Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Item
            color="red"
            onClick={() =>
              signOut.mutate(undefined, {
                onSuccess: () => navigate('/sign-in', { replace: true }),
                onError: (error) =>
                  notifications.show({
                    color: 'red',
                    title: t('common:errors.title'),
                    message: problemText(error),
                  }),
              })
            }
          >
            {t('signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );
}
