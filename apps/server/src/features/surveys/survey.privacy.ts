import {
  can,
  MIN_ANSWERS_DEFAULT,
  MIN_ANSWERS_FLOOR,
  type Role,
  type SatisfactionFigures,
  type SurveyAnonymity,
} from '@rapport/contracts';
import type { RawFigures } from './survey.repository.js';

/**
 * The survey privacy model in one place.
 *
 * - Anonymous survey: nobody sees an individual answer. Every figure is an aggregate of at least k answers.
 * - Named survey: roles with `surveys.answers` read each answer; everyone else sees aggregates of at least k.
 *
 * "An aggregate of at least k" is counted per figure: CSAT from k CSAT answers, NPS from k NPS answers, the climate
 * score from k climate answers, and the number of answers itself only once there are k of them. A figure mixing
 * surveys (a relationship asked in several) takes the largest k among them.
 */
export interface SlicePrivacy {
  /** k of the slice (the survey's, or the largest of the surveys in it). */
  minAnswers: number;
  /** Every answer in the slice belongs to a named survey. */
  allNamed: boolean;
}

/** Whether this reader may read each answer of the slice, so no figure needs hiding from them. */
export const readsEachAnswer = (role: Role, slice: SlicePrivacy) =>
  slice.allNamed && can(role, 'surveys.answers');

/** Whether one answer of a survey of this kind may be shown to this role. */
export const mayReadAnswer = (role: Role, anonymity: SurveyAnonymity | string) =>
  anonymity === 'named' && can(role, 'surveys.answers');

export const kOf = (minAnswers: number | null | undefined) =>
  Math.max(MIN_ANSWERS_FLOOR, minAnswers ?? MIN_ANSWERS_DEFAULT);

/** The figures of a slice as this reader may see them: each one only from k answers, unless they read each. */
export function visibleFigures(raw: RawFigures, slice: SlicePrivacy, role: Role): SatisfactionFigures {
  const k = kOf(slice.minAnswers);
  const all = readsEachAnswer(role, slice);
  const enough = (count: number) => all || count >= k;
  const shown = enough(raw.answered);
  return {
    invited: raw.invited,
    shown,
    minAnswers: k,
    answered: shown ? raw.answered : null,
    responseRate: shown ? raw.responseRate : null,
    csat: shown && enough(raw.csat.count) ? raw.csat : null,
    nps: shown && enough(raw.nps.count) ? raw.nps : null,
    climate: shown && enough(raw.climate.count) ? raw.climate : null,
  };
}

/** The neutral snapshot an audit reader or webhook gets of an answer they may not read: that it arrived. */
export const answerWithoutContents = (snapshot: Record<string, unknown>) => ({
  id: snapshot.id,
  surveyId: snapshot.surveyId,
  redacted: true,
});
