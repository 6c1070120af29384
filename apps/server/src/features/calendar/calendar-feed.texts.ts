/** What the feed says, in the feed owner's language (user.locale); calendars show it as it is. */
export interface FeedTexts {
  calendarName: string;
  calendarDescription: string;
  review: (name: string) => string;
  reviewDetail: (name: string, date: string) => string;
  contact: (name: string) => string;
  contactDetail: (name: string, date: string) => string;
  followUp: (text: string) => string;
  followUpDetail: (text: string, relationship: string | null, date: string) => string;
}

const en: FeedTexts = {
  calendarName: 'Rapport – my work',
  calendarDescription: 'Reviews, contacts and follow-ups due on your relationships in Rapport',
  review: (name) => `Review: ${name}`,
  reviewDetail: (name, date) => `The review of the relationship “${name}” is due on ${date}.`,
  contact: (name) => `Contact: ${name}`,
  contactDetail: (name, date) => `The next contact of the relationship “${name}” is due on ${date}.`,
  followUp: (text) => `Follow-up: ${text}`,
  followUpDetail: (text, relationship, date) =>
    [text, relationship === null ? null : `Relationship: ${relationship}`, `Due on ${date}.`]
      .filter((line) => line !== null)
      .join('\n'),
};

const zhCN: FeedTexts = {
  calendarName: 'Rapport – 我的工作',
  calendarDescription: '您在 Rapport 中负责的关系到期的评审、联系和跟进事项',
  review: (name) => `关系评审：${name}`,
  reviewDetail: (name, date) => `关系“${name}”的评审将于 ${date} 到期。`,
  contact: (name) => `联系：${name}`,
  contactDetail: (name, date) => `关系“${name}”的下次联系将于 ${date} 到期。`,
  followUp: (text) => `跟进：${text}`,
  followUpDetail: (text, relationship, date) =>
    [text, relationship === null ? null : `关系：${relationship}`, `到期日：${date}`]
      .filter((line) => line !== null)
      .join('\n'),
};

export const feedTexts = (locale: string): FeedTexts => (locale === 'zh-CN' ? zhCN : en);
