import { createTheme, Modal, PasswordInput } from '@mantine/core';
import type { TFunction } from 'i18next';

/** The theme carries the few labels Mantine renders itself, so they follow the interface language. */
export function createAppTheme(t: TFunction<'common'>) {
  return createTheme({
    primaryColor: 'indigo',
    defaultRadius: 'md',
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif',
    components: {
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('togglePassword') } },
      }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('actions.close') } } }),
    },
  });
}
