import { z } from 'zod';
import { Locale } from './enums.js';
import {
  boundedList,
  Id,
  IsoDate,
  IsoDateTime,
  LongText,
  limits,
  Name,
  PageQuery,
  ShortText,
  text,
  Version,
} from './limits.js';
import { Health } from './relationships.js';

/** SPEC §6: stakeholder satisfaction (CSAT 1–5, NPS 0–10) and internal climate surveys (PSF 2). */
export const surveyKinds = ['satisfaction', 'climate'] as const;
export const SurveyKind = z.enum(surveyKinds);
export type SurveyKind = z.infer<typeof SurveyKind>;

/**
 * The survey's privacy, in one sentence each. Anonymous: nobody sees an individual answer; results appear only as
 * aggregates of at least `minAnswers` answers. Named: individual answers are visible to roles with
 * `surveys.answers`; everyone else sees aggregates of at least `minAnswers` answers.
 */
export const surveyAnonymities = ['anonymous', 'named'] as const;
export const SurveyAnonymity = z.enum(surveyAnonymities);
export type SurveyAnonymity = z.infer<typeof SurveyAnonymity>;

/** k of k-anonymity: the fewest answers a figure is made of (5 unless the survey says otherwise). */
export const MIN_ANSWERS_DEFAULT = 5;
export const MIN_ANSWERS_FLOOR = 3;
const MinAnswers = z
  .number()
  .int()
  .min(MIN_ANSWERS_FLOOR, `at least ${MIN_ANSWERS_FLOOR}, so that no figure is one person's answer`)
  .max(1000, 'at most 1000');

/** Climate surveys ask colleagues about their workplace: anonymous unless said otherwise. */
export const defaultAnonymity = (kind: SurveyKind): SurveyAnonymity =>
  kind === 'climate' ? 'anonymous' : 'named';

export const surveyStatuses = ['draft', 'open', 'closed'] as const;
export const SurveyStatus = z.enum(surveyStatuses);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

export const questionTypes = ['text', 'scale_1_5', 'choice'] as const;
export const QuestionType = z.enum(questionTypes);

const QuestionKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _, starting with a letter (≤ 40)');

export const SurveyQuestion = z
  .strictObject({
    key: QuestionKey,
    label: Name,
    type: QuestionType,
    options: z.array(Name).max(20).default([]).describe('the choices of a `choice` question (2–20)'),
    required: z.boolean().default(false),
  })
  .superRefine((question, ctx) => {
    if (question.type === 'choice' && question.options.length < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice question has 2–20 options' });
    if (question.type !== 'choice' && question.options.length > 0)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'only a choice question has options' });
    if (new Set(question.options).size !== question.options.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'options are unique' });
  });
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

const Questions = z
  .array(SurveyQuestion)
  .max(20)
  .superRefine((questions, ctx) => {
    const seen = new Set<string>();
    questions.forEach((question, index) => {
      if (seen.has(question.key))
        ctx.addIssue({ code: 'custom', path: [index, 'key'], message: 'question keys are unique' });
      seen.add(question.key);
    });
  });

const QuestionOut = z.object({
  key: z.string(),
  label: z.string(),
  type: QuestionType,
  options: z.array(z.string()),
  required: z.boolean(),
});

const Threshold = z.number().int().min(1, 'from 1 to 5').max(5, 'from 1 to 5');
const ExpiryDays = z.number().int().min(1, 'from 1 to 365 days').max(365, 'from 1 to 365 days');

export const Survey = z.object({
  id: Id,
  kind: SurveyKind,
  title: z.string(),
  intro: z.string(),
  questions: z.array(QuestionOut),
  locale: Locale.nullable().describe('the language the public page opens in; null: the browser’s'),
  lowScoreThreshold: z
    .number()
    .int()
    .nullable()
    .describe('a CSAT (climate: score) at or below this opens a complaint exception; null: never'),
  expiresAfterDays: z.number().int().describe('how long an invitation link stays valid'),
  anonymity: SurveyAnonymity,
  minAnswers: z.number().int().describe('figures are shown only as aggregates of at least this many answers'),
  status: SurveyStatus,
  createdBy: Id.nullable(),
  archivedAt: IsoDateTime.nullable(),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Survey = z.infer<typeof Survey>;

export const SurveyCreate = z.strictObject({
  kind: SurveyKind,
  title: Name,
  intro: LongText.default(''),
  questions: Questions.default([]),
  locale: Locale.nullable().default(null),
  lowScoreThreshold: Threshold.nullable().default(2),
  expiresAfterDays: ExpiryDays.default(30),
  anonymity: SurveyAnonymity.optional().describe('default: anonymous for climate, named for satisfaction'),
  minAnswers: MinAnswers.default(MIN_ANSWERS_DEFAULT),
  status: SurveyStatus.default('draft'),
});
export type SurveyCreate = z.infer<typeof SurveyCreate>;

export const SurveyPatch = z
  .strictObject({
    title: Name,
    intro: LongText,
    questions: Questions.describe('only until the first invitation'),
    locale: Locale.nullable(),
    lowScoreThreshold: Threshold.nullable(),
    expiresAfterDays: ExpiryDays,
    anonymity: SurveyAnonymity.describe('only until the first invitation'),
    minAnswers: MinAnswers,
    status: SurveyStatus.describe('draft → open ⇄ closed; back to draft only before the first invitation'),
    version: Version,
  })
  .partial();
export type SurveyPatch = z.infer<typeof SurveyPatch>;

export const SurveyListQuery = z.strictObject({
  q: text().max(200).optional(),
  kind: SurveyKind.optional(),
  status: SurveyStatus.optional(),
  archived: z.enum(['false', 'true', 'only']).default('false'),
  sort: z.enum(['title', '-title', 'createdAt', '-createdAt']).default('-createdAt'),
  ...PageQuery,
});
export type SurveyListQuery = z.infer<typeof SurveyListQuery>;

export const invitationStatuses = ['sent', 'answered', 'expired'] as const;
export const InvitationStatus = z.enum(invitationStatuses);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/** An invitation as it is read later: never its token (only a SHA-256 digest of it is stored). */
export const SurveyInvitation = z.object({
  id: Id,
  surveyId: Id,
  stakeholderId: Id,
  stakeholderName: z.string(),
  relationshipId: Id.nullable().describe('answers feed this relationship’s satisfaction and health'),
  groupId: Id.nullable().describe('the group it was sent to, when sent to a group'),
  status: InvitationStatus.describe('of an anonymous survey: sent or expired, never whether it was answered'),
  sentAt: IsoDateTime,
  expiresAt: IsoDateTime,
  answeredAt: IsoDateTime.nullable().describe('always null for an anonymous survey'),
  createdBy: Id.nullable(),
  version: Version,
  createdAt: IsoDateTime,
});
export type SurveyInvitation = z.infer<typeof SurveyInvitation>;

export const InvitationCreate = z
  .strictObject({
    stakeholderIds: boundedList(Id).min(1).optional(),
    groupId: Id.optional().describe('every active member of the group'),
    relationshipId: Id.optional().describe('the relationship’s stakeholder; answers feed the relationship'),
  })
  .superRefine((input, ctx) => {
    const given = [input.stakeholderIds, input.groupId, input.relationshipId].filter((v) => v !== undefined);
    if (given.length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'name exactly one of stakeholderIds, groupId or relationshipId',
      });
  });
export type InvitationCreate = z.infer<typeof InvitationCreate>;

/** A new invitation with its link: the only time the token is ever shown. */
export const InvitationWithLink = SurveyInvitation.extend({
  link: z.string().describe('the public link `/s/<token>`; shown this once'),
});
export type InvitationWithLink = z.infer<typeof InvitationWithLink>;

export const InvitationsCreated = z.object({
  data: z.array(InvitationWithLink),
  skipped: z
    .array(z.object({ stakeholderId: Id, reason: z.enum(['pending_invitation']) }))
    .describe('stakeholders that already hold a valid, unanswered invitation to this survey'),
});
export type InvitationsCreated = z.infer<typeof InvitationsCreated>;

export const InvitationResend = z.strictObject({ version: Version.optional() }).nullish();

export const InvitationListQuery = z.strictObject({
  status: InvitationStatus.optional(),
  relationshipId: Id.optional(),
  stakeholderId: Id.optional(),
  ...PageQuery,
});
export type InvitationListQuery = z.infer<typeof InvitationListQuery>;

export const SurveyAnswer = z.object({
  id: Id,
  surveyId: Id,
  invitationId: Id,
  stakeholderId: Id,
  stakeholderName: z.string(),
  relationshipId: Id.nullable(),
  csat: z.number().int().nullable(),
  nps: z.number().int().nullable(),
  score: z.number().int().nullable().describe('the climate score 1–5'),
  comment: z.string(),
  answers: z.record(z.string(), z.union([z.string(), z.number()])),
  answeredAt: IsoDateTime,
});
export type SurveyAnswer = z.infer<typeof SurveyAnswer>;

const Period = {
  relationshipId: Id.optional(),
  groupId: Id.optional().describe('stakeholders who are members of this group now'),
  from: IsoDate.optional().describe('invitations sent on or after this day'),
  to: IsoDate.optional().describe('invitations sent on or before this day'),
};

export const SurveyResultsQuery = z.strictObject(Period);
export type SurveyResultsQuery = z.infer<typeof SurveyResultsQuery>;

export const SurveyAnswerListQuery = z.strictObject({ ...Period, ...PageQuery });
export type SurveyAnswerListQuery = z.infer<typeof SurveyAnswerListQuery>;

/** Results of invitations: NPS = % promoters (9–10) − % detractors (0–6). */
export const SatisfactionFigures = z.object({
  invited: z.number().int(),
  shown: z
    .boolean()
    .describe('false: fewer than minAnswers answers, so neither their number nor their figures are shown'),
  minAnswers: z.number().int().describe('the fewest answers these figures are shown from'),
  answered: z.number().int().nullable(),
  responseRate: z
    .number()
    .nullable()
    .describe('answered ÷ invited × 100, one decimal; null with none invited'),
  csat: z
    .object({
      average: z.number().nullable().describe('1–5, two decimals'),
      count: z.number().int(),
      distribution: z.array(z.number().int()).describe('answers giving 1, 2, 3, 4, 5'),
    })
    .nullable(),
  nps: z
    .object({
      score: z.number().nullable().describe('−100..100, one decimal'),
      count: z.number().int(),
      promoters: z.number().int(),
      passives: z.number().int(),
      detractors: z.number().int(),
    })
    .nullable(),
  climate: z.object({ average: z.number().nullable(), count: z.number().int() }).nullable(),
});
export type SatisfactionFigures = z.infer<typeof SatisfactionFigures>;

export const SurveyResults = SatisfactionFigures.extend({ surveyId: Id });
export type SurveyResults = z.infer<typeof SurveyResults>;

/** The stakeholder's own view (SPEC §4, two-sided health) beside Rapport's score, and the gap between them. */
export const RelationshipSatisfaction = SatisfactionFigures.extend({
  relationshipId: Id,
  stakeholderRating: z
    .object({
      csat: z.number().describe('average CSAT 1–5 of the last 365 days'),
      score: z.number().int().describe('the same on 0–100: (csat − 1) ÷ 4 × 100'),
      nps: z.number().nullable(),
      answers: z.number().int(),
      at: IsoDateTime.nullable().describe(
        'the latest answer; null for readers who may not read each answer, as it would date one person’s answer',
      ),
    })
    .nullable()
    .describe(
      'null without answers, or with fewer than minAnswers of them (unless the reader may read each)',
    ),
  health: Health.describe('Rapport’s own health of the relationship'),
  ratingGap: z
    .number()
    .int()
    .nullable()
    .describe('stakeholder’s score − Rapport’s health score; negative: they are less happy than we think'),
});
export type RelationshipSatisfaction = z.infer<typeof RelationshipSatisfaction>;

// ---- The public page: no account, a token ----

export const SurveyToken = z.strictObject({ token: text().min(1).max(200) });

export const PublicSurvey = z.object({
  organisation: z.string(),
  stakeholderName: z.string(),
  kind: SurveyKind,
  anonymity: SurveyAnonymity.describe(
    'the page tells the respondent whether their answer carries their name',
  ),
  minAnswers: z.number().int(),
  title: z.string(),
  intro: z.string(),
  questions: z.array(QuestionOut),
  locale: Locale.nullable(),
  expiresAt: IsoDateTime,
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;

const AnswerValue = z.union([text().max(limits.shortText), z.number().int()]);

export const PublicAnswer = z.strictObject({
  csat: z.number().int().min(1, 'from 1 to 5').max(5, 'from 1 to 5').optional(),
  nps: z.number().int().min(0, 'from 0 to 10').max(10, 'from 0 to 10').optional(),
  score: z.number().int().min(1, 'from 1 to 5').max(5, 'from 1 to 5').optional(),
  comment: ShortText.default(''),
  answers: z
    .record(text().max(40), AnswerValue)
    .refine((answers) => Object.keys(answers).length <= 20, 'at most 20 answers')
    .default({}),
});
export type PublicAnswer = z.infer<typeof PublicAnswer>;

export const PublicAnswerSaved = z.object({ status: z.literal('answered'), answeredAt: IsoDateTime });
