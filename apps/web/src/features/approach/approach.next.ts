import type { ApproachOverview, Permission } from '@rapport/contracts';

export const activities = ['analyse', 'principles', 'models', 'embed', 'review'] as const;
export type Activity = (typeof activities)[number];

/** What to do next in one activity: `key` names the sentence, `values` fill it, `to` is where it is done. */
export interface NextStep {
  activity: Activity;
  key:
    | 'firstCulture'
    | 'firstStakeholders'
    | 'strategicRequirements'
    | 'reassess'
    | 'refreshCulture'
    | 'agreePrinciple'
    | 'firstPrinciple'
    | 'proposePrinciples'
    | 'reviewPrinciple'
    | 'markKeyGroups'
    | 'agreeModel'
    | 'coverGroups'
    | 'reviewModel'
    | 'readMaterial'
    | 'firstMaterial'
    | 'followUpReads'
    | 'firstReview'
    | 'holdPlanned'
    | 'holdReview'
    | 'improvements';
  to: string;
  permission: Permission;
  values?: Record<string, string | number>;
}

const yearInDays = 365;

function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  return (Date.parse(`${toIsoDate}T00:00:00Z`) - Date.parse(`${fromIsoDate}T00:00:00Z`)) / 86_400_000;
}

function analyse(o: ApproachOverview['analyse'], today: string): NextStep | null {
  const step = (key: NextStep['key'], to: string, permission: Permission, values?: NextStep['values']) => ({
    activity: 'analyse' as const,
    key,
    to,
    permission,
    values,
  });
  if (o.cultureAssessments === 0) return step('firstCulture', '/approach/culture/new', 'approach.write');
  if (o.stakeholders === 0) return step('firstStakeholders', '/stakeholders/new', 'stakeholders.write');
  if (!o.strategicRequirements)
    return step('strategicRequirements', '/approach/culture?orgUnitId=none', 'approach.write');
  if (o.stakeholdersDue > 0)
    return step('reassess', '/stakeholders/due', 'stakeholders.write', { count: o.stakeholdersDue });
  // The culture moves more slowly than the map, but an analysis older than the yearly review is stale.
  if (o.lastAssessedOn && daysBetween(o.lastAssessedOn, today) > yearInDays)
    return step('refreshCulture', '/approach/culture/new', 'approach.write');
  return null;
}

function agreement(
  activity: 'principles' | 'models',
  o: ApproachOverview['principles'] | ApproachOverview['models'],
): NextStep | null {
  const base = activity === 'principles' ? '/approach/principles' : '/approach/models';
  const awaiting = o.awaitingAgreement[0];
  const due = o.reviewDue[0];
  const total = Object.values(o.byStatus).reduce((sum, count) => sum + count, 0);
  const isPrinciples = activity === 'principles';
  if (awaiting)
    return {
      activity,
      key: isPrinciples ? 'agreePrinciple' : 'agreeModel',
      to: `${base}/${awaiting.id}`,
      permission: 'approach.agree',
      values: { title: awaiting.title },
    };
  if (isPrinciples && total === 0)
    return { activity, key: 'firstPrinciple', to: base, permission: 'approach.write' };
  if (isPrinciples && o.inForce === 0)
    return { activity, key: 'proposePrinciples', to: `${base}?status=draft`, permission: 'approach.write' };
  if (activity === 'models' && 'coverage' in o) {
    const { keyGroups, coveredGroups } = o.coverage;
    if (keyGroups === 0)
      return { activity, key: 'markKeyGroups', to: '/stakeholders/groups', permission: 'groups.write' };
    if (coveredGroups < keyGroups)
      return {
        activity,
        key: 'coverGroups',
        to: base,
        permission: 'approach.write',
        values: { count: keyGroups - coveredGroups },
      };
  }
  if (due)
    return {
      activity,
      key: isPrinciples ? 'reviewPrinciple' : 'reviewModel',
      to: `${base}/${due.id}`,
      permission: 'approach.write',
      values: { title: due.title },
    };
  return null;
}

function embed(o: ApproachOverview['embed']): NextStep | null {
  const mine = o.pendingForMe[0];
  if (mine)
    return {
      activity: 'embed',
      key: 'readMaterial',
      to: `/approach/materials/${mine.id}`,
      permission: 'approach.read',
      values: { title: mine.title, count: o.pendingForMe.length },
    };
  if (o.materials === 0)
    return {
      activity: 'embed',
      key: 'firstMaterial',
      to: '/approach/materials',
      permission: 'approach.write',
    };
  if (o.acknowledged < o.expectedReads)
    return {
      activity: 'embed',
      key: 'followUpReads',
      to: '/approach/materials',
      permission: 'approach.write',
      values: { count: o.expectedReads - o.acknowledged },
    };
  return null;
}

function review(o: ApproachOverview['review'], today: string): NextStep | null {
  const planned = o.planned[0];
  if (o.overdue || o.lastHeldOn === null || o.nextDueOn <= today) {
    if (planned)
      return {
        activity: 'review',
        key: 'holdPlanned',
        to: `/approach/reviews/${planned.id}`,
        permission: 'approach.write',
        values: { title: planned.title },
      };
    return {
      activity: 'review',
      key: o.lastHeldOn === null ? 'firstReview' : 'holdReview',
      to: '/approach/reviews',
      permission: 'approach.write',
    };
  }
  if (o.openImprovements > 0)
    return {
      activity: 'review',
      key: 'improvements',
      to: '/approach/reviews',
      permission: 'approach.write',
      values: { count: o.openImprovements },
    };
  return null;
}

/** The next step of each activity, or null when it is up to date; `today` is `YYYY-MM-DD`. */
export function nextSteps(overview: ApproachOverview, today: string): Record<Activity, NextStep | null> {
  return {
    analyse: analyse(overview.analyse, today),
    principles: agreement('principles', overview.principles),
    models: agreement('models', overview.models),
    embed: embed(overview.embed),
    review: review(overview.review, today),
  };
}

/**
 * The one thing to do next: the first step in the order of the process that this user may do; when they
 * may do none, the first step of all, so they still see what the approach is waiting for.
 */
export function firstStep(
  steps: Record<Activity, NextStep | null>,
  can: (permission: Permission) => boolean,
): NextStep | null {
  const open = activities.map((activity) => steps[activity]).filter((step) => step !== null);
  return open.find((step) => can(step.permission)) ?? open[0] ?? null;
}
