import type {
  InvitationListQuery,
  InvitationStatus,
  SatisfactionFigures,
  Survey,
  SurveyAnswer,
  SurveyAnswerListQuery,
  SurveyInvitation,
  SurveyListQuery,
  SurveyQuestion,
  SurveyResultsQuery,
} from '@rapport/contracts';
import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { listPage, withCommonFilters } from '../../db/list-page.js';
import type { DB, SurveyAnswersTable, SurveyInvitationsTable, SurveysTable } from '../../db/schema.js';
import { fromJson } from '../../shared/json.js';
import { applyKeyset, keysetOf, pageFrom } from '../../shared/pagination.js';

export function toSurvey(row: SurveysTable): Survey {
  return {
    id: row.id,
    kind: row.kind as Survey['kind'],
    title: row.title,
    intro: row.intro,
    questions: fromJson<SurveyQuestion[]>(row.questions) ?? [],
    locale: row.locale as Survey['locale'],
    lowScoreThreshold: row.low_score_threshold,
    expiresAfterDays: row.expires_after_days,
    anonymity: row.anonymity as Survey['anonymity'],
    minAnswers: row.min_answers,
    status: row.status as Survey['status'],
    createdBy: row.created_by,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findSurvey(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSurvey(row);
}

export async function insertSurvey(db: Kysely<DB>, row: SurveysTable) {
  await db.insertInto('surveys').values(row).execute();
}

export function listSurveys(db: Kysely<DB>, query: SurveyListQuery) {
  const base = withCommonFilters(db.selectFrom('surveys'), 'surveys', query)
    .$if(query.kind !== undefined, (q) => q.where('kind', '=', query.kind as string))
    .$if(query.status !== undefined, (q) => q.where('status', '=', query.status as string));
  return listPage(
    base,
    'surveys',
    { ...query, sortColumns: { title: 'sort_name', createdAt: 'created_at' } },
    toSurvey,
  );
}

// ---- Invitations ----

type InvitationRow = SurveyInvitationsTable & { stakeholder_name: string };

export function invitationStatus(
  row: Pick<SurveyInvitationsTable, 'answered_at' | 'expires_at'>,
  at: string,
) {
  if (row.answered_at !== null) return 'answered';
  return row.expires_at <= at ? 'expired' : 'sent';
}

/**
 * An invitation of an anonymous survey says nothing of whether, or when, it was answered: its status follows the
 * expiry alone. The survey's results give the counts.
 */
export function withoutAnswer(invitation: SurveyInvitation, at: string): SurveyInvitation {
  return {
    ...invitation,
    status: invitation.expiresAt <= at ? 'expired' : 'sent',
    answeredAt: null,
  };
}

export function toInvitation(row: InvitationRow, at: string): SurveyInvitation {
  return {
    id: row.id,
    surveyId: row.survey_id,
    stakeholderId: row.stakeholder_id,
    stakeholderName: row.stakeholder_name,
    relationshipId: row.relationship_id,
    groupId: row.group_id,
    status: invitationStatus(row, at),
    sentAt: row.sent_at,
    expiresAt: row.expires_at,
    answeredAt: row.answered_at,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at,
  };
}

const invitationsWithNames = (db: Kysely<DB>) =>
  db
    .selectFrom('survey_invitations')
    .innerJoin('stakeholders', 'stakeholders.id', 'survey_invitations.stakeholder_id')
    .selectAll('survey_invitations')
    .select('stakeholders.name as stakeholder_name');

export async function findInvitation(db: Kysely<DB>, surveyId: string, id: string, at: string) {
  const row = await invitationsWithNames(db)
    .where('survey_invitations.id', '=', id)
    .where('survey_invitations.survey_id', '=', surveyId)
    .executeTakeFirst();
  return row && toInvitation(row, at);
}

export async function insertInvitation(db: Kysely<DB>, row: SurveyInvitationsTable) {
  await db.insertInto('survey_invitations').values(row).execute();
}

/** Stakeholders of `ids` holding an unanswered, unexpired invitation to the survey (for the same relationship). */
export async function pendingInvitees(
  db: Kysely<DB>,
  surveyId: string,
  ids: string[],
  relationshipId: string | null,
  at: string,
  anonymous: boolean,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('survey_invitations')
    .select('stakeholder_id')
    .where('survey_id', '=', surveyId)
    .where('stakeholder_id', 'in', ids)
    // Of an anonymous survey, an answered invitation counts as pending too: inviting again must not tell who answered.
    .$if(!anonymous, (q) => q.where('answered_at', 'is', null))
    .where('expires_at', '>', at)
    .$if(relationshipId !== null, (q) => q.where('relationship_id', '=', relationshipId as string))
    .$if(relationshipId === null, (q) => q.where('relationship_id', 'is', null))
    .execute();
  return new Set(rows.map((row) => row.stakeholder_id));
}

function whereStatus(status: InvitationStatus, at: string, anonymous: boolean) {
  return (eb: ExpressionBuilder<DB, 'survey_invitations'>) => {
    if (anonymous) return eb('survey_invitations.expires_at', status === 'expired' ? '<=' : '>', at);
    if (status === 'answered') return eb('survey_invitations.answered_at', 'is not', null);
    return eb.and([
      eb('survey_invitations.answered_at', 'is', null),
      eb('survey_invitations.expires_at', status === 'expired' ? '<=' : '>', at),
    ]);
  };
}

export async function listInvitations(
  db: Kysely<DB>,
  surveyId: string,
  query: InvitationListQuery,
  at: string,
  anonymous: boolean,
) {
  const keyset = keysetOf('-id', { id: 'id' });
  const base = invitationsWithNames(db)
    .where('survey_invitations.survey_id', '=', surveyId)
    .$if(query.status !== undefined, (q) =>
      q.where(whereStatus(query.status as InvitationStatus, at, anonymous)),
    )
    .$if(query.relationshipId !== undefined, (q) =>
      q.where('survey_invitations.relationship_id', '=', query.relationshipId as string),
    )
    .$if(query.stakeholderId !== undefined, (q) =>
      q.where('survey_invitations.stakeholder_id', '=', query.stakeholderId as string),
    );
  const rows = await applyKeyset(base, keyset, query.cursor, 'survey_invitations')
    .limit(query.limit + 1)
    .execute();
  const page = pageFrom(rows, query.limit, keyset, (row) =>
    anonymous ? withoutAnswer(toInvitation(row, at), at) : toInvitation(row, at),
  );
  if (query.count) {
    const counted = await base
      .clearSelect()
      .select(sql<number | string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    page.total = Number(counted.n);
  }
  return page;
}

/** What the public page needs of an invitation, found by the digest of its token. */
export async function invitationByTokenHash(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('survey_invitations')
    .innerJoin('surveys', 'surveys.id', 'survey_invitations.survey_id')
    .innerJoin('stakeholders', 'stakeholders.id', 'survey_invitations.stakeholder_id')
    .selectAll('survey_invitations')
    .select([
      'stakeholders.name as stakeholder_name',
      'surveys.kind',
      'surveys.title',
      'surveys.intro',
      'surveys.questions',
      'surveys.locale',
      'surveys.status as survey_status',
      'surveys.archived_at as survey_archived_at',
      'surveys.low_score_threshold',
      'surveys.anonymity',
      'surveys.min_answers',
      'surveys.created_by as survey_created_by',
    ])
    .where('survey_invitations.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/**
 * Marks the invitation answered only if it is not yet: of two answers at once, one updates a row, one none. The
 * invitation of an anonymous survey keeps its version, which every reader of its invitations sees: a new version
 * would say who answered.
 */
export async function claimInvitation(
  db: Kysely<DB>,
  id: string,
  at: string,
  anonymous: boolean,
): Promise<boolean> {
  const result = await db
    .updateTable('survey_invitations')
    .set(
      anonymous
        ? { answered_at: at }
        : { answered_at: at, updated_at: at, version: sql<number>`version + 1` },
    )
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function hasInvitations(db: Kysely<DB>, surveyId: string) {
  const row = await db
    .selectFrom('survey_invitations')
    .select('id')
    .where('survey_id', '=', surveyId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

// ---- Answers and results ----

export async function insertAnswer(db: Kysely<DB>, row: SurveyAnswersTable) {
  await db.insertInto('survey_answers').values(row).execute();
}

function toAnswer(row: SurveyAnswersTable & { stakeholder_name: string }): SurveyAnswer {
  return {
    id: row.id,
    surveyId: row.survey_id,
    invitationId: row.invitation_id,
    stakeholderId: row.stakeholder_id,
    stakeholderName: row.stakeholder_name,
    relationshipId: row.relationship_id,
    csat: row.csat,
    nps: row.nps,
    score: row.score,
    comment: row.comment,
    answers: fromJson<SurveyAnswer['answers']>(row.answers) ?? {},
    answeredAt: row.answered_at,
  };
}

const endOfDay = (day: string) => `${day}T23:59:59.999Z`;

/** Relationship, group (members now) and period (the day the invitation was first sent) filters. */
function filtered<O>(
  query: SelectQueryBuilder<DB, 'survey_invitations', O>,
  filters: SurveyResultsQuery,
): SelectQueryBuilder<DB, 'survey_invitations', O> {
  return query
    .$if(filters.relationshipId !== undefined, (q) =>
      q.where('survey_invitations.relationship_id', '=', filters.relationshipId as string),
    )
    .$if(filters.groupId !== undefined, (q) =>
      q.where('survey_invitations.stakeholder_id', 'in', (eb) =>
        eb
          .selectFrom('stakeholder_group_members')
          .select('stakeholder_group_members.stakeholder_id')
          .where('stakeholder_group_members.group_id', '=', filters.groupId as string),
      ),
    )
    .$if(filters.from !== undefined, (q) =>
      q.where('survey_invitations.created_at', '>=', `${filters.from}T00:00:00.000Z`),
    )
    .$if(filters.to !== undefined, (q) =>
      q.where('survey_invitations.created_at', '<=', endOfDay(filters.to as string)),
    );
}

export async function listAnswers(db: Kysely<DB>, surveyId: string, query: SurveyAnswerListQuery) {
  const keyset = keysetOf('-answeredAt', { answeredAt: 'answered_at' });
  const joined = db
    .selectFrom('survey_invitations')
    .innerJoin('survey_answers', 'survey_answers.invitation_id', 'survey_invitations.id')
    .innerJoin('stakeholders', 'stakeholders.id', 'survey_answers.stakeholder_id')
    .where('survey_invitations.survey_id', '=', surveyId);
  // The filters name survey_invitations' columns only, which the join keeps.
  const base = filtered(
    joined as unknown as SelectQueryBuilder<DB, 'survey_invitations', object>,
    query,
  ) as unknown as typeof joined;
  const rows = await applyKeyset(
    base.selectAll('survey_answers').select('stakeholders.name as stakeholder_name'),
    keyset,
    query.cursor,
    'survey_answers',
  )
    .limit(query.limit + 1)
    .execute();
  const page = pageFrom(rows, query.limit, keyset, toAnswer);
  if (query.count) {
    const counted = await base.select(sql<number | string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    page.total = Number(counted.n);
  }
  return page;
}

const n = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** Every figure of a slice, before the privacy rules decide which of them may be shown (survey.privacy.ts). */
export type RawFigures = Omit<
  SatisfactionFigures,
  'shown' | 'minAnswers' | 'answered' | 'csat' | 'nps' | 'climate'
> & {
  answered: number;
  csat: NonNullable<SatisfactionFigures['csat']>;
  nps: NonNullable<SatisfactionFigures['nps']>;
  climate: NonNullable<SatisfactionFigures['climate']>;
};

/** Invitations, answers, CSAT, NPS and climate of the invitations matching the filters, in one grouped query. */
export async function figures(
  db: Kysely<DB>,
  where: (
    query: SelectQueryBuilder<DB, 'survey_invitations', object>,
  ) => SelectQueryBuilder<DB, 'survey_invitations', object>,
): Promise<RawFigures> {
  const count = (condition: ReturnType<typeof sql<boolean>>) =>
    sql<number | string>`sum(case when ${condition} then 1 else 0 end)`;
  const row = await where(db.selectFrom('survey_invitations'))
    .leftJoin('survey_answers', 'survey_answers.invitation_id', 'survey_invitations.id')
    .select([
      sql<number | string>`count(*)`.as('invited'),
      sql<number | string>`count(survey_answers.id)`.as('answered'),
      sql<number | string | null>`avg(survey_answers.csat)`.as('csat_average'),
      sql<number | string>`count(survey_answers.csat)`.as('csat_count'),
      count(sql`survey_answers.csat = 1`).as('csat1'),
      count(sql`survey_answers.csat = 2`).as('csat2'),
      count(sql`survey_answers.csat = 3`).as('csat3'),
      count(sql`survey_answers.csat = 4`).as('csat4'),
      count(sql`survey_answers.csat = 5`).as('csat5'),
      sql<number | string>`count(survey_answers.nps)`.as('nps_count'),
      count(sql`survey_answers.nps >= 9`).as('promoters'),
      count(sql`survey_answers.nps between 7 and 8`).as('passives'),
      count(sql`survey_answers.nps <= 6`).as('detractors'),
      sql<number | string | null>`avg(survey_answers.score)`.as('climate_average'),
      sql<number | string>`count(survey_answers.score)`.as('climate_count'),
    ])
    .executeTakeFirstOrThrow();
  const invited = n(row.invited);
  const answered = n(row.answered);
  const npsCount = n(row.nps_count);
  const promoters = n(row.promoters);
  const detractors = n(row.detractors);
  return {
    invited,
    answered,
    responseRate: invited === 0 ? null : round((answered / invited) * 100, 1),
    csat: {
      average: row.csat_average === null ? null : round(Number(row.csat_average), 2),
      count: n(row.csat_count),
      distribution: [row.csat1, row.csat2, row.csat3, row.csat4, row.csat5].map(n),
    },
    nps: {
      score: npsCount === 0 ? null : round(((promoters - detractors) / npsCount) * 100, 1),
      count: npsCount,
      promoters,
      passives: n(row.passives),
      detractors,
    },
    climate: {
      average: row.climate_average === null ? null : round(Number(row.climate_average), 2),
      count: n(row.climate_count),
    },
  };
}

export const surveyFigures = (db: Kysely<DB>, surveyId: string, filters: SurveyResultsQuery) =>
  figures(db, (q) => filtered(q.where('survey_invitations.survey_id', '=', surveyId), filters));

export const relationshipFigures = (db: Kysely<DB>, relationshipId: string) =>
  figures(db, (q) => q.where('survey_invitations.relationship_id', '=', relationshipId));

/**
 * The privacy of the surveys a relationship was asked in: the largest k among them (a figure mixing surveys is
 * shown only when it satisfies each), and whether every one of them is named.
 */
export async function relationshipSurveyPrivacy(db: Kysely<DB>, relationshipId: string) {
  const row = await db
    .selectFrom('survey_invitations')
    .innerJoin('surveys', 'surveys.id', 'survey_invitations.survey_id')
    .select([
      (eb) => eb.fn.max<number | string | null>('surveys.min_answers').as('k'),
      sql<number | string | null>`sum(case when surveys.anonymity = 'anonymous' then 1 else 0 end)`.as(
        'anonymous',
      ),
    ])
    .where('survey_invitations.relationship_id', '=', relationshipId)
    .executeTakeFirstOrThrow();
  return { minAnswers: row.k === null ? null : Number(row.k), allNamed: n(row.anonymous) === 0 };
}

// ---- References ----

export async function activeStakeholders(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('stakeholders')
    .select(['id', 'name', 'scope'])
    .where('id', 'in', ids)
    .where('archived_at', 'is', null)
    .execute();
}

export async function activeGroupMembers(db: Kysely<DB>, groupId: string) {
  const group = await db
    .selectFrom('stakeholder_groups')
    .select('id')
    .where('id', '=', groupId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!group) return undefined;
  return db
    .selectFrom('stakeholder_group_members')
    .innerJoin('stakeholders', 'stakeholders.id', 'stakeholder_group_members.stakeholder_id')
    .select(['stakeholders.id', 'stakeholders.name', 'stakeholders.scope'])
    .where('stakeholder_group_members.group_id', '=', groupId)
    .where('stakeholders.archived_at', 'is', null)
    .orderBy('stakeholders.id')
    .execute();
}

export async function relationshipForInvitation(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('relationships')
    .innerJoin('stakeholders', 'stakeholders.id', 'relationships.stakeholder_id')
    .select([
      'relationships.id',
      'relationships.status',
      'relationships.archived_at',
      'stakeholders.id as stakeholder_id',
      'stakeholders.name',
      'stakeholders.scope',
      'stakeholders.archived_at as stakeholder_archived_at',
    ])
    .where('relationships.id', '=', id)
    .executeTakeFirst();
}
