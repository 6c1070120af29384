import type { Locale, NotificationKind } from '@rapport/contracts';

/**
 * Every text a notification or its e-mail carries, in both languages, in one place. A notification is
 * written in its recipient's language when it is created; e-mails use the recipient's language when sent.
 */

export interface TemplateParams {
  /** What it is about: a relationship's, exception's, principle's or model's name, or a follow-up's text. */
  subject: string;
  /** A day (YYYY-MM-DD) where the kind has one. */
  on?: string;
}

type Texts = Record<NotificationKind, (p: TemplateParams) => { title: string; body: string }>;

const en: Texts = {
  review_due: (p) => ({
    title: `Review due today: ${p.subject}`,
    body: `The relationship “${p.subject}” is due for its review today${p.on ? ` (${p.on})` : ''}.`,
  }),
  review_overdue: (p) => ({
    title: `Review overdue: ${p.subject}`,
    body: `The review of the relationship “${p.subject}” was due on ${p.on ?? 'an earlier day'} and has not been held.`,
  }),
  contact_overdue: (p) => ({
    title: `Contact overdue: ${p.subject}`,
    body: `Nobody has been in touch with “${p.subject}” as planned: the next contact was due on ${p.on ?? 'an earlier day'}.`,
  }),
  follow_up_due: (p) => ({
    title: `Follow-up due: ${p.subject}`,
    body: `Your follow-up “${p.subject}” is due${p.on ? ` on ${p.on}` : ''}.`,
  }),
  exception_assigned: (p) => ({
    title: `Exception assigned to you: ${p.subject}`,
    body: `You are now the owner of the exception “${p.subject}”.`,
  }),
  exception_escalated: (p) => ({
    title: `Exception escalated: ${p.subject}`,
    body: `The exception “${p.subject}” has been escalated.`,
  }),
  agreement_proposed: (p) => ({
    title: `Proposed for agreement: ${p.subject}`,
    body: `“${p.subject}” has been proposed for agreement and waits for your decision.`,
  }),
  survey_low_score: (p) => ({
    title: `Complaint from a survey: ${p.subject}`,
    body: `A survey was answered with a low score, and a complaint was opened for you: “${p.subject}”.`,
  }),
};

const zh: Texts = {
  review_due: (p) => ({
    title: `今天应评审：${p.subject}`,
    body: `关系“${p.subject}”今天${p.on ? `（${p.on}）` : ''}应进行评审。`,
  }),
  review_overdue: (p) => ({
    title: `评审已逾期：${p.subject}`,
    body: `关系“${p.subject}”的评审应于${p.on ?? '此前'}进行，至今尚未举行。`,
  }),
  contact_overdue: (p) => ({
    title: `联系已逾期：${p.subject}`,
    body: `未按计划与“${p.subject}”联系：下次联系应于${p.on ?? '此前'}进行。`,
  }),
  follow_up_due: (p) => ({
    title: `跟进事项到期：${p.subject}`,
    body: `你的跟进事项“${p.subject}”${p.on ? `于${p.on}` : ''}到期。`,
  }),
  exception_assigned: (p) => ({
    title: `指派给你的例外：${p.subject}`,
    body: `你现在是例外“${p.subject}”的负责人。`,
  }),
  exception_escalated: (p) => ({
    title: `例外已升级：${p.subject}`,
    body: `例外“${p.subject}”已被升级。`,
  }),
  agreement_proposed: (p) => ({
    title: `提请商定：${p.subject}`,
    body: `“${p.subject}”已提请商定，等待你的决定。`,
  }),
  survey_low_score: (p) => ({
    title: `来自调查的投诉：${p.subject}`,
    body: `一份调查答复得分较低，已为你创建一项投诉：“${p.subject}”。`,
  }),
};

const texts: Record<Locale, Texts> = { en, 'zh-CN': zh };

export const localeOf = (value: string): Locale => (value === 'zh-CN' ? 'zh-CN' : 'en');

export function renderNotification(kind: NotificationKind, locale: string, params: TemplateParams) {
  const rendered = texts[localeOf(locale)][kind](params);
  return { title: rendered.title.slice(0, 300), body: rendered.body.slice(0, 2000) };
}

export interface MailItem {
  title: string;
  body: string;
  link: string;
}

const mailTexts = {
  en: {
    digestSubject: (n: number) => `Rapport: ${n} notification${n === 1 ? '' : 's'} today`,
    digestIntro: (n: number) =>
      `Here ${n === 1 ? 'is' : 'are'} your ${n} notification${n === 1 ? '' : 's'} from Rapport.`,
    open: 'Open in Rapport',
    footer: 'You receive this because of your notification settings in Rapport:',
  },
  'zh-CN': {
    digestSubject: (n: number) => `Rapport：今日 ${n} 条通知`,
    digestIntro: (n: number) => `以下是你在 Rapport 的 ${n} 条通知。`,
    open: '在 Rapport 中打开',
    footer: '你收到此邮件是因为你在 Rapport 中的通知设置：',
  },
} as const;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * One e-mail for one notification (its title is the subject) or a digest of several, in the recipient's
 * language, with a plain-text part and a simple HTML part. Links are absolute, on the public URL.
 */
export function renderEmail(locale: string, items: MailItem[], publicUrl: string) {
  const t = mailTexts[localeOf(locale)];
  const single = items.length === 1 ? items[0] : undefined;
  const subject = single ? single.title : t.digestSubject(items.length);
  const settings = `${publicUrl}/notifications`;
  const textItems = items.map((item) => `${item.title}\n${item.body}\n${t.open}: ${publicUrl}${item.link}`);
  const text = [
    ...(single ? [] : [t.digestIntro(items.length), '']),
    textItems.join('\n\n'),
    '',
    '--',
    `${t.footer} ${settings}`,
  ].join('\n');
  const htmlItems = items
    .map(
      (item) =>
        `<h2 style="font-size:16px;margin:16px 0 4px">${escapeHtml(item.title)}</h2>` +
        `<p style="margin:0 0 4px">${escapeHtml(item.body)}</p>` +
        `<p style="margin:0"><a href="${escapeHtml(publicUrl + item.link)}">${escapeHtml(t.open)}</a></p>`,
    )
    .join('\n');
  const html = [
    `<!doctype html><html lang="${localeOf(locale)}"><body style="font-family:sans-serif;line-height:1.5">`,
    single ? '' : `<p>${escapeHtml(t.digestIntro(items.length))}</p>`,
    htmlItems,
    `<hr><p style="color:#666;font-size:12px">${escapeHtml(t.footer)} <a href="${escapeHtml(settings)}">${escapeHtml(settings)}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
