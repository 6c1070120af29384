import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { createImprovementService } from '../improvements/improvement.service.js';
import { createLessonService } from '../lessons/lesson.service.js';
import { createRelationshipService } from '../relationships/relationship.service.js';
import { tableExists } from '../reviews/review.repository.js';
import { createReviewService } from '../reviews/review.service.js';
import type { DemoPeople } from './demo.approach.js';

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** The first row of a table of another feature, if the installation has it and it has rows. */
async function firstId(db: Kysely<DB>, table: 'exceptions' | 'surveys'): Promise<string | null> {
  if (!(await tableExists(db, table))) return null;
  const result = await sql<{
    id: string;
  }>`select id from ${sql.table(table)} order by created_at, id limit 1`.execute(db);
  return result.rows[0]?.id ?? null;
}

/**
 * Relationship reviews of the demo organisation, through the services: one held (with its evidence), one planned
 * and overdue, one relationship whose review date has come with nothing planned (the ended ones have their end
 * review planned already); improvements from every source; lessons in both languages on the partnership model.
 */
export async function seedDemoReviews(
  db: Kysely<DB>,
  people: DemoPeople,
  modelIds: Map<string, string>,
): Promise<string> {
  const reviews = createReviewService(db);
  const improvements = createImprovementService(db);
  const lessons = createLessonService(db);
  const relationships = createRelationshipService(db);
  const { manager, agent } = people;
  const active = await relationships.list(manager, {
    status: 'active',
    archived: 'false',
    sort: 'name',
    limit: 50,
  });
  const partnershipModel = modelIds.get('strategic-customer-partnership') ?? null;
  // The client partnership has the richest history (interactions with sentiment, a confidential one, ticks).
  const clients = active.data.find((r) => r.stakeholderId === people.stakeholderIds.get('clients'));
  const others = active.data.filter((r) => r !== clients);
  const [first, second, third] = [
    ...(clients ? [clients] : []),
    ...others.filter((r) => r.modelId !== null),
    ...others.filter((r) => r.modelId === null),
  ];
  if (!first) return 'no relationship reviews (no relationships)';

  const held = await reviews.create(agent, {
    subject: 'relationship',
    relationshipId: first.id,
    title: `半年度关系评审 · Half-year review: ${first.name}`,
    trigger: 'periodic',
    triggerNote: '',
    status: 'done',
    scheduledOn: day(2),
    heldOn: day(1),
    participants: ['客户首席信息官 · Client CIO', '客户经理 · Account manager', '服务负责人 · Service owner'],
    findings:
      '沟通频率达标，但价值报告两次延迟。\nContact is on cadence; two value reports were late and the client noticed.',
    decisions:
      '每月发送价值报告；增加季度高层会谈。\nSend value reports monthly; add a quarterly executive meeting.',
    lessonsLearned:
      '尽早让客户参与价值指标的定义。\nInvolve the client early in defining the value measures, so reports answer their questions.',
    satisfaction: 4,
    effective: true,
    communicatedTo: ['客户首席信息官 · Client CIO', '管理层 · Leadership team'],
  });
  if (second) {
    await reviews.create(agent, {
      subject: 'relationship',
      relationshipId: second.id,
      title: `季度评审 · Quarterly review: ${second.name}`,
      trigger: 'change',
      triggerNote: '对方更换了联系人。The counterpart changed their main contact.',
      status: 'planned',
      scheduledOn: day(5),
      heldOn: null,
      participants: [],
      findings: '',
      decisions: '',
      lessonsLearned: '',
      satisfaction: null,
      effective: null,
      communicatedTo: [],
    });
  }
  if (third) {
    // Its review date has come and nobody has planned the review yet: it shows on the "to plan" list.
    await relationships.update(manager, third.id, third.version, { nextReviewOn: day(3) });
  }

  const exceptionId = await firstId(db, 'exceptions');
  const surveyId = await firstId(db, 'surveys');
  const initiatives = [
    {
      title: '每月价值报告 · Monthly value report',
      sourceType: 'review' as const,
      sourceId: held.id,
      status: 'in_progress' as const,
      dueOn: day(-30),
      expectedBenefit: '客户每月看到交付的价值。The client sees delivered value every month.',
    },
    ...(exceptionId
      ? [
          {
            title: '投诉升级路径 · Complaint escalation path',
            sourceType: 'exception' as const,
            sourceId: exceptionId,
            status: 'approved' as const,
            dueOn: day(-45),
            expectedBenefit: '投诉在五个工作日内解决。Complaints are resolved within five working days.',
          },
        ]
      : []),
    ...(surveyId
      ? [
          {
            title: '跟进低分答复 · Follow up low survey scores',
            sourceType: 'survey' as const,
            sourceId: surveyId,
            status: 'proposed' as const,
            dueOn: day(-60),
            expectedBenefit: '每个低分答复都有回访。Every low score gets a call back.',
          },
        ]
      : []),
    {
      title: '按时评审提醒 · Reminders for reviews on time',
      sourceType: 'kpi' as const,
      sourceId: 'reviews_on_time',
      status: 'done' as const,
      dueOn: day(20),
      expectedBenefit: '90% 的评审按时进行。90% of reviews are held on time.',
      realisedBenefit: '按时率从 60% 升至 85%。On-time reviews rose from 60% to 85%.',
    },
    {
      title: '统一的会议纪要模板 · One template for meeting notes',
      sourceType: 'manual' as const,
      sourceId: null,
      status: 'rejected' as const,
      dueOn: null,
      expectedBenefit: '',
    },
  ];
  for (const initiative of initiatives) {
    await improvements.create(manager, {
      description: '',
      ownerId: manager.id,
      realisedBenefit: '',
      ...initiative,
    });
  }

  await lessons.create(agent, {
    title: '尽早定义价值指标 · Define the value measures early',
    sourceReviewId: held.id,
    tags: ['价值', 'value'],
    groupId: null,
  });
  const guidance = [
    {
      title: '高层会谈要有议程',
      body: '与客户高层会谈前一周发送议程，并附上**上季度的价值报告**。',
      tags: ['高层', '会议'],
    },
    {
      title: 'Name a deputy for every key contact',
      body: 'When a counterpart changes role, the relationship survives if a **deputy** already knows the history.',
      tags: ['continuity', 'contacts'],
    },
  ];
  for (const lesson of guidance) {
    await lessons.create(manager, {
      ...lesson,
      groupId: null,
      modelId: partnershipModel,
      sourceReviewId: null,
    });
  }
  return `${initiatives.length} improvements, ${guidance.length + 1} lessons and relationship reviews`;
}
