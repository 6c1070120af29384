import { z } from 'zod';
import { Id, IsoDate } from './limits.js';

/** The printable reports (SPEC §7): each is a PDF built on the server from data the reader may read. */
export const reportKinds = ['stakeholder-map', 'relationship-review', 'kpis', 'approach'] as const;
export const ReportKind = z.enum(reportKinds);
export type ReportKind = z.infer<typeof ReportKind>;

export const reportLanguages = ['en', 'zh-CN'] as const;
export const ReportLanguage = z.enum(reportLanguages);
export type ReportLanguage = z.infer<typeof ReportLanguage>;

export const ReportParams = z.strictObject({ kind: ReportKind });

export const ReportQuery = z.strictObject({
  lang: ReportLanguage.default('en').describe('the language of the report text'),
  from: IsoDate.optional().describe('KPI report: first day of the period (default 89 days before `to`)'),
  to: IsoDate.optional().describe('KPI report: last day of the period (default today)'),
  reviewId: Id.optional().describe('relationship review report: the review (required for that report)'),
});
export type ReportQuery = z.infer<typeof ReportQuery>;
