import {
  defaultAnonymity,
  type FieldError,
  type InvitationCreate,
  type InvitationListQuery,
  type InvitationsCreated,
  type InvitationWithLink,
  type PublicAnswer,
  type PublicSurvey,
  type RelationshipSatisfaction,
  type Survey,
  type SurveyAnswer,
  type SurveyAnswerListQuery,
  type SurveyCreate,
  type SurveyInvitation,
  type SurveyListQuery,
  type SurveyPatch,
  type SurveyQuestion,
  type SurveyResults,
  type SurveyResultsQuery,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, SurveysTable } from '../../db/schema.js';
import { updateVersioned } from '../../db/versioned-update.js';
import { AppError, fieldErrors } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { fromJson, toJson } from '../../shared/json.js';
import { addDays, now } from '../../shared/time.js';
import { staleVersion } from '../../shared/version.js';
import { versionedRecords } from '../../shared/versioned-records.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { recordHealth } from '../relationships/health.js';
import type { RelationshipService } from '../relationships/relationship.service.js';
import { lowScoreSeverity, openLowScoreException } from './survey.exceptions.js';
import { stakeholderRating } from './survey.health.js';
import { answerWithoutContents, kOf, readsEachAnswer, visibleFigures } from './survey.privacy.js';
import {
  activeGroupMembers,
  activeStakeholders,
  claimInvitation,
  findInvitation,
  findSurvey,
  hasInvitations,
  insertAnswer,
  insertInvitation,
  insertSurvey,
  invitationByTokenHash,
  invitationStatus,
  listAnswers,
  listInvitations,
  listSurveys,
  pendingInvitees,
  relationshipFigures,
  relationshipForInvitation,
  relationshipSurveyPrivacy,
  surveyFigures,
  withoutAnswer,
} from './survey.repository.js';
import { hashSurveyToken, newSurveyToken, surveyLink } from './survey.token.js';

/** The organisation's name on the public page (Rapport keeps no organisation settings yet). */
export const ORGANISATION_NAME = 'Rapport';
/** A group invitation reaches at most this many stakeholders at once. */
export const MAX_INVITATIONS = 1000;

/** Why a survey link can no longer be used; the public route answers 410 with a polite problem. */
export class SurveyLinkGone extends Error {
  constructor(readonly reason: 'answered' | 'expired' | 'closed') {
    super(reason);
  }
}

const unknownLink = () =>
  new AppError('not_found', 'This survey link is not valid. Check that it was copied whole.');

const today = () => now().slice(0, 10);

/** The answer's fields checked against the survey's kind and questions; every problem at once. */
function answerErrors(kind: Survey['kind'], questions: SurveyQuestion[], input: PublicAnswer): FieldError[] {
  const errors: FieldError[] = [];
  if (kind === 'satisfaction') {
    if (input.csat === undefined) errors.push({ path: 'csat', message: 'choose a rating from 1 to 5' });
    if (input.score !== undefined)
      errors.push({ path: 'score', message: 'a satisfaction survey asks for csat, not score' });
  } else {
    if (input.score === undefined) errors.push({ path: 'score', message: 'choose a rating from 1 to 5' });
    if (input.csat !== undefined) errors.push({ path: 'csat', message: 'a climate survey has no csat' });
    if (input.nps !== undefined) errors.push({ path: 'nps', message: 'a climate survey has no nps' });
  }
  const byKey = new Map(questions.map((question) => [question.key, question]));
  for (const [key, value] of Object.entries(input.answers)) {
    const question = byKey.get(key);
    const path = `answers.${key}`;
    if (!question) {
      errors.push({ path, message: 'unknown question' });
      continue;
    }
    if (question.type === 'scale_1_5' && !(typeof value === 'number' && value >= 1 && value <= 5))
      errors.push({ path, message: 'a whole number from 1 to 5' });
    if (question.type === 'choice' && !(typeof value === 'string' && question.options.includes(value)))
      errors.push({ path, message: 'one of the options' });
    if (question.type === 'text' && typeof value !== 'string') errors.push({ path, message: 'text' });
  }
  for (const question of questions) {
    const value = input.answers[question.key];
    if (question.required && (value === undefined || (typeof value === 'string' && value.trim() === '')))
      errors.push({ path: `answers.${question.key}`, message: 'this question needs an answer' });
  }
  return errors;
}

function statusErrors(from: Survey['status'], to: Survey['status'], invited: boolean): FieldError[] {
  if (to === 'draft' && from !== 'draft' && invited)
    return [
      { path: 'status', message: 'invitations were sent: it can be open or closed, not a draft again' },
    ];
  if (from === 'draft' && to === 'closed')
    return [{ path: 'status', message: 'open a draft before closing it' }];
  return [];
}

export function createSurveyService(
  db: Kysely<DB>,
  config: { publicUrl: string },
  relationships: Pick<RelationshipService, 'get'>,
) {
  const records = versionedRecords<Survey, SurveysTable>(db, {
    table: 'surveys',
    entity: 'survey',
    label: 'survey',
    find: findSurvey,
    insert: insertSurvey,
  });

  async function loadSurvey(trx: Kysely<DB>, id: string) {
    return records.load(trx, id);
  }

  function requireInvitable(survey: Survey) {
    if (survey.archivedAt !== null)
      throw new AppError('rule_broken', 'An archived survey sends no invitations');
    if (survey.status !== 'open')
      throw fieldErrors('rule_broken', [{ path: 'status', message: 'open the survey before inviting' }]);
  }

  return {
    async list(actor: Actor | null, query: SurveyListQuery) {
      requirePermission(actor, 'surveys.read');
      return listSurveys(db, query);
    },

    async get(actor: Actor | null, id: string) {
      requirePermission(actor, 'surveys.read');
      return loadSurvey(db, id);
    },

    async create(actor: Actor | null, input: SurveyCreate) {
      const signedIn = requirePermission(actor, 'surveys.write');
      const errors = statusErrors('draft', input.status, false);
      if (errors.length > 0) throw fieldErrors('rule_broken', errors);
      const at = now();
      return records.create(signedIn, {
        id: newId(),
        kind: input.kind,
        title: input.title,
        sort_name: input.title.toLowerCase(),
        intro: input.intro,
        questions: toJson(input.questions),
        locale: input.locale,
        low_score_threshold: input.lowScoreThreshold,
        expires_after_days: input.expiresAfterDays,
        anonymity: input.anonymity ?? defaultAnonymity(input.kind),
        min_answers: input.minAnswers,
        status: input.status,
        created_by: signedIn.id,
        archived_at: null,
        version: 1,
        created_at: at,
        updated_at: at,
      });
    },

    async update(actor: Actor | null, id: string, version: number, patch: SurveyPatch) {
      const signedIn = requirePermission(actor, 'surveys.write');
      return records.update(signedIn, id, version, async (current, trx) => {
        const invited = await hasInvitations(trx, id);
        const errors: FieldError[] = [];
        if (patch.status !== undefined) errors.push(...statusErrors(current.status, patch.status, invited));
        if (patch.questions !== undefined && invited && toJson(patch.questions) !== toJson(current.questions))
          errors.push({
            path: 'questions',
            message: 'invitations were sent: the questions stay as they were asked (copy it as a new survey)',
          });
        // Respondents were told whether their answer carries their name; that promise cannot change afterwards.
        if (patch.anonymity !== undefined && invited && patch.anonymity !== current.anonymity)
          errors.push({
            path: 'anonymity',
            message: 'invitations were sent: respondents were told whether it is anonymous; it stays so',
          });
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);
        return {
          ...(patch.title !== undefined && { title: patch.title, sort_name: patch.title.toLowerCase() }),
          ...(patch.intro !== undefined && { intro: patch.intro }),
          ...(patch.questions !== undefined && { questions: toJson(patch.questions) }),
          ...(patch.locale !== undefined && { locale: patch.locale }),
          ...(patch.lowScoreThreshold !== undefined && { low_score_threshold: patch.lowScoreThreshold }),
          ...(patch.expiresAfterDays !== undefined && { expires_after_days: patch.expiresAfterDays }),
          ...(patch.anonymity !== undefined && { anonymity: patch.anonymity }),
          ...(patch.minAnswers !== undefined && { min_answers: patch.minAnswers }),
          ...(patch.status !== undefined && { status: patch.status }),
        };
      });
    },

    async archive(actor: Actor | null, id: string, version: number) {
      return records.archive(requirePermission(actor, 'surveys.write'), id, version);
    },

    async restore(actor: Actor | null, id: string, version: number) {
      return records.restore(requirePermission(actor, 'surveys.write'), id, version);
    },

    /** One invitation per stakeholder, each with a new single-use token whose link is returned this once. */
    async invite(
      actor: Actor | null,
      surveyId: string,
      input: InvitationCreate,
    ): Promise<InvitationsCreated> {
      const signedIn = requirePermission(actor, 'surveys.write');
      return db.transaction().execute(async (trx) => {
        const survey = await loadSurvey(trx, surveyId);
        requireInvitable(survey);
        const errors: FieldError[] = [];
        let recipients: { id: string; name: string; scope: string }[] = [];
        let relationshipId: string | null = null;
        if (input.stakeholderIds !== undefined) {
          const ids = [...new Set(input.stakeholderIds)];
          const found = new Map((await activeStakeholders(trx, ids)).map((s) => [s.id, s]));
          input.stakeholderIds.forEach((id, index) => {
            if (!found.has(id))
              errors.push({ path: `stakeholderIds.${index}`, message: 'no active stakeholder with this id' });
          });
          recipients = ids.flatMap((id) => found.get(id) ?? []);
        } else if (input.groupId !== undefined) {
          const members = await activeGroupMembers(trx, input.groupId);
          if (members === undefined)
            errors.push({ path: 'groupId', message: 'no active group with this id' });
          else if (members.length === 0)
            errors.push({ path: 'groupId', message: 'the group has no active members to invite' });
          else if (members.length > MAX_INVITATIONS)
            errors.push({ path: 'groupId', message: `at most ${MAX_INVITATIONS} stakeholders at once` });
          else recipients = members;
        } else if (input.relationshipId !== undefined) {
          const relationship = await relationshipForInvitation(trx, input.relationshipId);
          if (!relationship || relationship.archived_at !== null)
            errors.push({ path: 'relationshipId', message: 'no active relationship with this id' });
          else if (relationship.status === 'ended')
            errors.push({ path: 'relationshipId', message: 'the relationship has ended' });
          else if (relationship.stakeholder_archived_at !== null)
            errors.push({ path: 'relationshipId', message: 'its stakeholder is archived' });
          else {
            relationshipId = relationship.id;
            recipients = [
              { id: relationship.stakeholder_id, name: relationship.name, scope: relationship.scope },
            ];
          }
        }
        if (survey.kind === 'climate') {
          const external = recipients.filter((r) => r.scope !== 'internal');
          if (external.length > 0)
            errors.push({
              path: input.stakeholderIds ? 'stakeholderIds' : input.groupId ? 'groupId' : 'relationshipId',
              message: `a climate survey goes to internal stakeholders; not to ${external
                .slice(0, 5)
                .map((r) => r.name)
                .join(', ')}${external.length > 5 ? ` and ${external.length - 5} more` : ''}`,
            });
        }
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);

        const at = now();
        const pending = await pendingInvitees(
          trx,
          surveyId,
          recipients.map((r) => r.id),
          relationshipId,
          at,
          survey.anonymity === 'anonymous',
        );
        const data: InvitationWithLink[] = [];
        for (const recipient of recipients) {
          if (pending.has(recipient.id)) continue;
          const token = newSurveyToken();
          const id = newId();
          await insertInvitation(trx, {
            id,
            survey_id: surveyId,
            stakeholder_id: recipient.id,
            relationship_id: relationshipId,
            group_id: input.groupId ?? null,
            token_hash: hashSurveyToken(token),
            sent_at: at,
            expires_at: addDays(at, survey.expiresAfterDays),
            answered_at: null,
            created_by: signedIn.id,
            version: 1,
            created_at: at,
            updated_at: at,
          });
          const invitation = (await findInvitation(trx, surveyId, id, at)) as InvitationWithLink;
          await recordAudit(trx, {
            actorId: signedIn.id,
            action: 'create',
            entity: 'survey_invitation',
            entityId: id,
            before: null,
            after: invitation,
          });
          data.push({ ...invitation, link: surveyLink(config.publicUrl, token) });
        }
        return {
          data,
          skipped: recipients
            .filter((r) => pending.has(r.id))
            .map((r) => ({ stakeholderId: r.id, reason: 'pending_invitation' as const })),
        };
      });
    },

    async listInvitations(actor: Actor | null, surveyId: string, query: InvitationListQuery) {
      requirePermission(actor, 'surveys.read');
      const survey = await loadSurvey(db, surveyId);
      const anonymous = survey.anonymity === 'anonymous';
      if (anonymous && query.status === 'answered')
        throw fieldErrors('bad_request', [
          {
            path: 'status',
            message: 'an anonymous survey does not say who answered; its results give the count',
          },
        ]);
      return listInvitations(db, surveyId, query, now(), anonymous);
    },

    /** A new token for an unanswered invitation: the old link stops working, the expiry starts again. */
    async resend(actor: Actor | null, surveyId: string, invitationId: string, version: number) {
      const signedIn = requirePermission(actor, 'surveys.write');
      return db.transaction().execute(async (trx): Promise<InvitationWithLink> => {
        const survey = await loadSurvey(trx, surveyId);
        const at = now();
        const current = await findInvitation(trx, surveyId, invitationId, at);
        if (!current) throw new AppError('not_found', `No invitation with id ${invitationId} to this survey`);
        // An anonymous survey never says whether an invitation was answered: a new link is sent either way (a link
        // to an answered invitation only says it was used), so resending cannot tell who answered.
        const anonymous = survey.anonymity === 'anonymous';
        const shown = (invitation: SurveyInvitation) =>
          anonymous ? withoutAnswer(invitation, at) : invitation;
        if (current.version !== version) throw staleVersion(shown(current));
        requireInvitable(survey);
        if (!anonymous && current.status === 'answered')
          throw new AppError('rule_broken', 'This invitation was answered; an answer is given once');
        const token = newSurveyToken();
        const written = await updateVersioned(trx, 'survey_invitations', invitationId, version, {
          token_hash: hashSurveyToken(token),
          sent_at: at,
          expires_at: addDays(at, survey.expiresAfterDays),
          updated_at: at,
        });
        if (!written) {
          const now = await findInvitation(trx, surveyId, invitationId, at);
          throw staleVersion(now && shown(now));
        }
        const saved = shown(
          (await findInvitation(trx, surveyId, invitationId, at)) as SurveyInvitation,
        ) as InvitationWithLink;
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'update',
          entity: 'survey_invitation',
          entityId: invitationId,
          before: shown(current),
          after: saved,
        });
        return { ...saved, link: surveyLink(config.publicUrl, token) };
      });
    },

    async results(actor: Actor | null, surveyId: string, query: SurveyResultsQuery): Promise<SurveyResults> {
      requirePermission(actor, 'surveys.read');
      if (query.from !== undefined && query.to !== undefined && query.from > query.to)
        throw fieldErrors('bad_request', [{ path: 'to', message: 'on or after from' }]);
      const signedIn = requirePermission(actor, 'surveys.read');
      const survey = await loadSurvey(db, surveyId);
      const slice = { minAnswers: survey.minAnswers, allNamed: survey.anonymity === 'named' };
      return { surveyId, ...visibleFigures(await surveyFigures(db, surveyId, query), slice, signedIn.role) };
    },

    async answers(actor: Actor | null, surveyId: string, query: SurveyAnswerListQuery) {
      requirePermission(actor, 'surveys.answers');
      const survey = await loadSurvey(db, surveyId);
      if (survey.anonymity === 'anonymous')
        throw new AppError(
          'forbidden',
          'This survey is anonymous: nobody reads an individual answer; its results show aggregates',
        );
      return listAnswers(db, surveyId, query);
    },

    /** Two-sided health: the stakeholder's own rating beside Rapport's health, and the gap between them. */
    async relationshipSatisfaction(
      actor: Actor | null,
      relationshipId: string,
    ): Promise<RelationshipSatisfaction> {
      const signedIn = requirePermission(actor, 'surveys.read');
      const relationship = await relationships.get(actor, relationshipId);
      const privacy = await relationshipSurveyPrivacy(db, relationshipId);
      const slice = { minAnswers: kOf(privacy.minAnswers), allNamed: privacy.allNamed };
      const figures = visibleFigures(await relationshipFigures(db, relationshipId), slice, signedIn.role);
      // The relationship's stakeholder is one person: their rating is shown from k answers, unless this reader
      // may read each of those answers anyway.
      const found = await stakeholderRating(db, relationshipId, today());
      const eachAnswer = readsEachAnswer(signedIn.role, slice);
      // The time of the latest answer would date one person's answer: only for those who may read each one.
      const rating =
        found !== null && (found.answers >= slice.minAnswers || eachAnswer)
          ? { ...found, at: eachAnswer ? found.at : null }
          : null;
      const ours = relationship.health.score;
      return {
        relationshipId,
        ...figures,
        stakeholderRating: rating,
        health: relationship.health,
        ratingGap: rating === null || ours === null ? null : rating.score - ours,
      };
    },

    // ---- The public page (no account: the token is the only key) ----

    async publicView(token: string): Promise<PublicSurvey> {
      const row = await invitationByTokenHash(db, hashSurveyToken(token));
      if (!row) throw unknownLink();
      const at = now();
      if (row.answered_at !== null) throw new SurveyLinkGone('answered');
      if (row.survey_status !== 'open' || row.survey_archived_at !== null) throw new SurveyLinkGone('closed');
      if (invitationStatus(row, at) === 'expired') throw new SurveyLinkGone('expired');
      return {
        organisation: ORGANISATION_NAME,
        stakeholderName: row.stakeholder_name,
        kind: row.kind as Survey['kind'],
        anonymity: row.anonymity as Survey['anonymity'],
        minAnswers: row.min_answers,
        title: row.title,
        intro: row.intro,
        questions: fromJson<SurveyQuestion[]>(row.questions) ?? [],
        locale: row.locale as Survey['locale'],
        expiresAt: row.expires_at,
      };
    },

    /** Stores the answer once: the invitation is claimed by a conditional UPDATE, the answer row is unique. */
    async answer(token: string, input: PublicAnswer) {
      return db.transaction().execute(async (trx) => {
        const row = await invitationByTokenHash(trx, hashSurveyToken(token));
        if (!row) throw unknownLink();
        if (row.answered_at !== null) throw new SurveyLinkGone('answered');
        if (row.survey_status !== 'open' || row.survey_archived_at !== null)
          throw new SurveyLinkGone('closed');
        const at = now();
        if (invitationStatus(row, at) === 'expired') throw new SurveyLinkGone('expired');
        const kind = row.kind as Survey['kind'];
        const questions = fromJson<SurveyQuestion[]>(row.questions) ?? [];
        const errors = answerErrors(kind, questions, input);
        if (errors.length > 0) throw fieldErrors('rule_broken', errors);
        if (!(await claimInvitation(trx, row.id, at, row.anonymity === 'anonymous'))) {
          // Another answer came first (or the link expired this very moment).
          const again = await invitationByTokenHash(trx, hashSurveyToken(token));
          throw new SurveyLinkGone(again?.answered_at ? 'answered' : 'expired');
        }
        const answers = Object.fromEntries(
          Object.entries(input.answers).map(([key, value]) => [
            key,
            typeof value === 'string' ? value.trim() : value,
          ]),
        );
        const answer: SurveyAnswer = {
          id: newId(),
          surveyId: row.survey_id,
          invitationId: row.id,
          stakeholderId: row.stakeholder_id,
          stakeholderName: row.stakeholder_name,
          relationshipId: row.relationship_id,
          csat: kind === 'satisfaction' ? (input.csat ?? null) : null,
          nps: kind === 'satisfaction' ? (input.nps ?? null) : null,
          score: kind === 'climate' ? (input.score ?? null) : null,
          comment: input.comment.trim(),
          answers,
          answeredAt: at,
        };
        await insertAnswer(trx, {
          id: answer.id,
          invitation_id: answer.invitationId,
          survey_id: answer.surveyId,
          stakeholder_id: answer.stakeholderId,
          relationship_id: answer.relationshipId,
          kind,
          csat: answer.csat,
          nps: answer.nps,
          score: answer.score,
          comment: answer.comment,
          answers: toJson(answer.answers),
          answered_at: at,
        });
        const anonymous = row.anonymity === 'anonymous';
        await recordAudit(trx, {
          actorId: null,
          action: 'create',
          entity: 'survey_answer',
          entityId: answer.id,
          before: null,
          // An anonymous answer is never written anywhere a person could read it one by one: not even here.
          after: anonymous ? answerWithoutContents(answer) : answer,
        });
        const rating = answer.csat ?? answer.score;
        if (rating !== null && row.low_score_threshold !== null && rating <= row.low_score_threshold) {
          await openLowScoreException(trx, {
            surveyId: row.survey_id,
            surveyTitle: row.title,
            surveyOwnerId: row.survey_created_by,
            anonymous,
            threshold: row.low_score_threshold,
            stakeholderId: row.stakeholder_id,
            relationshipId: row.relationship_id,
            rating,
            severity: lowScoreSeverity(rating),
            at,
          });
        }
        // Not for an anonymous survey: a point in the relationship's health history on the day of the answer would
        // say when its stakeholder answered. Its answers reach health (from k of them) at the next daily scoring.
        if (row.relationship_id !== null && !anonymous)
          await recordHealth(trx, [row.relationship_id], at.slice(0, 10));
        return { status: 'answered' as const, answeredAt: at };
      });
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
