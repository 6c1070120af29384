import type { PublicAnswer } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { createRelationshipService } from '../relationships/relationship.service.js';
import { createSurveyService } from '../surveys/survey.service.js';
import type { DemoPeople } from './demo.approach.js';

/** Answers the demo stakeholders give, by the key of their stakeholder; the others leave their link unanswered. */
const satisfactionAnswers: Record<string, PublicAnswer> = {
  clients: {
    csat: 2,
    nps: 5,
    comment: 'Estimates keep slipping. · 估算一再延误。',
    answers: { contact: 'E-mail · 电子邮件' },
  },
  retail: {
    csat: 4,
    nps: 9,
    comment: 'Billing is fixed, thank you. · 开票问题已解决，谢谢。',
    answers: { contact: 'Phone · 电话' },
  },
  telco: { csat: 3, nps: 7, comment: '', answers: {} },
  cloud: {
    csat: 5,
    nps: 10,
    comment: 'A real partner. · 真正的合作伙伴。',
    answers: { contact: 'Meeting · 会面' },
  },
};

const climateAnswers: PublicAnswer[] = [
  { score: 4, comment: 'Good support from the relationship team. · 关系团队支持很好。', answers: {} },
  { score: 3, comment: '', answers: {} },
];

const tokenOf = (link: string) => link.slice(link.lastIndexOf('/s/') + 3);

/**
 * A quarterly satisfaction survey sent to the demo relationships (most answered, one below the low-score
 * threshold) and an internal climate survey, all through the services so they are audited.
 */
export async function seedDemoSurveys(db: Kysely<DB>, people: DemoPeople): Promise<string> {
  const surveys = createSurveyService(
    db,
    { publicUrl: 'http://127.0.0.1:3000' },
    createRelationshipService(db),
  );
  const satisfaction = await surveys.create(people.manager, {
    kind: 'satisfaction',
    title: 'Quarterly satisfaction Q4 · 第四季度满意度调查',
    intro: 'Please tell us how working with us felt this quarter. · 请告诉我们本季度与我们合作的感受。',
    questions: [
      {
        key: 'contact',
        label: 'How would you like us to keep in touch? · 您希望我们以何种方式保持联系？',
        type: 'choice',
        options: ['E-mail · 电子邮件', 'Phone · 电话', 'Meeting · 会面'],
        required: false,
      },
    ],
    locale: null,
    lowScoreThreshold: 2,
    expiresAfterDays: 30,
    minAnswers: 5,
    status: 'open',
  });

  const keys = Object.keys(satisfactionAnswers).concat(['print']);
  const byStakeholder = new Map<string, string>();
  for (const key of keys) {
    const id = people.stakeholderIds.get(key);
    if (id) byStakeholder.set(id, key);
  }
  const relationships =
    byStakeholder.size === 0
      ? []
      : await db
          .selectFrom('relationships')
          .select(['id', 'stakeholder_id'])
          .where('stakeholder_id', 'in', [...byStakeholder.keys()])
          .where('status', '!=', 'ended')
          .where('archived_at', 'is', null)
          .orderBy('id')
          .execute();
  let answered = 0;
  let invited = 0;
  const seen = new Set<string>();
  for (const relationship of relationships) {
    if (seen.has(relationship.stakeholder_id)) continue;
    seen.add(relationship.stakeholder_id);
    const created = await surveys.invite(people.agent, satisfaction.id, { relationshipId: relationship.id });
    invited += created.data.length;
    const answer = satisfactionAnswers[byStakeholder.get(relationship.stakeholder_id) as string];
    const link = created.data[0]?.link;
    if (answer && link) {
      await surveys.answer(tokenOf(link), answer);
      answered += 1;
    }
  }

  const climate = await surveys.create(people.manager, {
    kind: 'climate',
    title: 'Relationship team climate · 关系团队氛围调查',
    intro:
      'Anonymous to your colleagues; seen by the practice owner. · 同事看不到您的回答；仅实践负责人可见。',
    questions: [],
    locale: 'zh-CN',
    lowScoreThreshold: null,
    expiresAfterDays: 14,
    minAnswers: 5,
    status: 'open',
  });
  const internal = [...people.stakeholderIds.entries()]
    .filter(([key]) => ['ops', 'dev', 'hr'].includes(key))
    .map(([, id]) => id);
  const internalIds = (
    await db
      .selectFrom('stakeholders')
      .select('id')
      .where('id', 'in', internal.length > 0 ? internal : [''])
      .where('scope', '=', 'internal')
      .execute()
  ).map((row) => row.id);
  if (internalIds.length > 0) {
    const created = await surveys.invite(people.agent, climate.id, { stakeholderIds: internalIds });
    invited += created.data.length;
    for (const [index, invitation] of created.data.entries()) {
      const answer = climateAnswers[index];
      if (answer) {
        await surveys.answer(tokenOf(invitation.link), answer);
        answered += 1;
      }
    }
  }
  return `2 surveys (${invited} invitations, ${answered} answers)`;
}
