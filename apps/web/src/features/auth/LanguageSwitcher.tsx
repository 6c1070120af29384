import { SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Locale, locales } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../app/forms';
import { currentLocale, isLocale } from '../../app/i18n';
import { useChangeLocale } from './auth.mutations';

const languageNames: Record<Locale, string> = { en: 'English', 'zh-CN': '中文' };

/** Each language is named in itself, so a person can find theirs whatever is showing. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation(['common', 'enums']);
  const changeLocale = useChangeLocale();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language')}
      value={isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : currentLocale()}
      data={locales.map((locale) => ({ value: locale, label: languageNames[locale] }))}
      onChange={(value) => {
        if (!isLocale(value)) return;
        changeLocale(value).catch((error: unknown) =>
          notifications.show({ color: 'red', title: t('errors.title'), message: problemText(error) }),
        );
      }}
    />
  );
}
