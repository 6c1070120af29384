import { type Locale, locales } from '@rapport/contracts';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAdmin from '../locales/en/admin.json';
import enAnalysis from '../locales/en/analysis.json';
import enApproach from '../locales/en/approach.json';
import enAuth from '../locales/en/auth.json';
import enCalendar from '../locales/en/calendar.json';
import enCommon from '../locales/en/common.json';
import enCulture from '../locales/en/culture.json';
import enDashboard from '../locales/en/dashboard.json';
import enEnums from '../locales/en/enums.json';
import enExceptions from '../locales/en/exceptions.json';
import enExports from '../locales/en/exports.json';
import enGroups from '../locales/en/groups.json';
import enImports from '../locales/en/imports.json';
import enImprovement from '../locales/en/improvement.json';
import enInteractions from '../locales/en/interactions.json';
import enKpis from '../locales/en/kpis.json';
import enLinks from '../locales/en/links.json';
import enMaterials from '../locales/en/materials.json';
import enModels from '../locales/en/models.json';
import enNotifications from '../locales/en/notifications.json';
import enPrinciples from '../locales/en/principles.json';
import enRelationships from '../locales/en/relationships.json';
import enReports from '../locales/en/reports.json';
import enReviews from '../locales/en/reviews.json';
import enShell from '../locales/en/shell.json';
import enStakeholders from '../locales/en/stakeholders.json';
import enSurveys from '../locales/en/surveys.json';
import enValueChain from '../locales/en/valueChain.json';
import enWebhooks from '../locales/en/webhooks.json';
import enWork from '../locales/en/work.json';
import zhAdmin from '../locales/zh-CN/admin.json';
import zhAnalysis from '../locales/zh-CN/analysis.json';
import zhApproach from '../locales/zh-CN/approach.json';
import zhAuth from '../locales/zh-CN/auth.json';
import zhCalendar from '../locales/zh-CN/calendar.json';
import zhCommon from '../locales/zh-CN/common.json';
import zhCulture from '../locales/zh-CN/culture.json';
import zhDashboard from '../locales/zh-CN/dashboard.json';
import zhEnums from '../locales/zh-CN/enums.json';
import zhExceptions from '../locales/zh-CN/exceptions.json';
import zhExports from '../locales/zh-CN/exports.json';
import zhGroups from '../locales/zh-CN/groups.json';
import zhImports from '../locales/zh-CN/imports.json';
import zhImprovement from '../locales/zh-CN/improvement.json';
import zhInteractions from '../locales/zh-CN/interactions.json';
import zhKpis from '../locales/zh-CN/kpis.json';
import zhLinks from '../locales/zh-CN/links.json';
import zhMaterials from '../locales/zh-CN/materials.json';
import zhModels from '../locales/zh-CN/models.json';
import zhNotifications from '../locales/zh-CN/notifications.json';
import zhPrinciples from '../locales/zh-CN/principles.json';
import zhRelationships from '../locales/zh-CN/relationships.json';
import zhReports from '../locales/zh-CN/reports.json';
import zhReviews from '../locales/zh-CN/reviews.json';
import zhShell from '../locales/zh-CN/shell.json';
import zhStakeholders from '../locales/zh-CN/stakeholders.json';
import zhSurveys from '../locales/zh-CN/surveys.json';
import zhValueChain from '../locales/zh-CN/valueChain.json';
import zhWebhooks from '../locales/zh-CN/webhooks.json';
import zhWork from '../locales/zh-CN/work.json';

export const resources = {
  en: {
    common: enCommon,
    shell: enShell,
    auth: enAuth,
    stakeholders: enStakeholders,
    admin: enAdmin,
    enums: enEnums,
    links: enLinks,
    imports: enImports,
    improvement: enImprovement,
    groups: enGroups,
    analysis: enAnalysis,
    approach: enApproach,
    culture: enCulture,
    dashboard: enDashboard,
    principles: enPrinciples,
    materials: enMaterials,
    reviews: enReviews,
    models: enModels,
    relationships: enRelationships,
    work: enWork,
    interactions: enInteractions,
    kpis: enKpis,
    exceptions: enExceptions,
    surveys: enSurveys,
    webhooks: enWebhooks,
    exports: enExports,
    notifications: enNotifications,
    calendar: enCalendar,
    valueChain: enValueChain,
    reports: enReports,
  },
  'zh-CN': {
    common: zhCommon,
    shell: zhShell,
    auth: zhAuth,
    stakeholders: zhStakeholders,
    admin: zhAdmin,
    enums: zhEnums,
    links: zhLinks,
    imports: zhImports,
    improvement: zhImprovement,
    groups: zhGroups,
    analysis: zhAnalysis,
    approach: zhApproach,
    culture: zhCulture,
    dashboard: zhDashboard,
    principles: zhPrinciples,
    materials: zhMaterials,
    reviews: zhReviews,
    models: zhModels,
    relationships: zhRelationships,
    work: zhWork,
    interactions: zhInteractions,
    kpis: zhKpis,
    exceptions: zhExceptions,
    surveys: zhSurveys,
    webhooks: zhWebhooks,
    exports: zhExports,
    notifications: zhNotifications,
    calendar: zhCalendar,
    valueChain: zhValueChain,
    reports: zhReports,
  },
} as const;

const storageKey = 'rapport.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The language to start in: the last one chosen on this browser, else the browser's own. */
function initialLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(storageKey);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be unavailable (private mode); the browser language still applies.
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

/** Switches the interface language and remembers it on this browser (the sign-in page uses it). */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembered on this browser; the user's profile still keeps it.
  }
  if (i18n.resolvedLanguage !== locale) await i18n.changeLanguage(locale);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: [...locales],
  ns: Object.keys(resources.en),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
