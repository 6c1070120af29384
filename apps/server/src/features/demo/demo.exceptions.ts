import type { ExceptionCreate } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { createExceptionService } from '../exceptions/exception.service.js';
import type { DemoPeople } from './demo.approach.js';

interface Plan {
  stakeholder: string;
  raise: Omit<ExceptionCreate, 'relationshipId' | 'stakeholderIds' | 'ownerId' | 'reporterHidden'> & {
    reporterHidden?: boolean;
  };
  /** Workflow steps taken by the manager after raising, with notes. */
  steps?: { to: 'in_mediation' | 'escalated' | 'resolved' | 'closed'; note: string; resolution?: string }[];
  mediationNotes?: string;
}

const plans: Plan[] = [
  {
    stakeholder: 'clients',
    raise: {
      title: 'Sarcasm about our delivery team · 对交付团队冷嘲热讽',
      description:
        'In the steering meeting their programme lead mocked our estimates in front of the board.\n\n在指导委员会会议上，对方项目负责人当着董事会的面嘲讽我们的估算。',
      type: 'toxic_behaviour',
      toxicBehaviour: 'contempt',
      severity: 'moderate',
      dueOn: '2026-12-15',
      occurredOn: '2026-11-18',
    },
    steps: [
      { to: 'in_mediation', note: 'One-to-one with the programme lead booked · 已约对方项目负责人单独面谈' },
    ],
    mediationNotes:
      'Agreed to start each steering meeting with what went well. · 约定每次指导会议先回顾做得好的地方。',
  },
  {
    stakeholder: 'retail',
    raise: {
      title: 'Invoices sent late three months running · 连续三个月发票延迟',
      description: 'Their finance team complained formally. · 对方财务部门正式投诉。',
      type: 'complaint',
      toxicBehaviour: null,
      severity: 'minor',
      dueOn: '2026-10-31',
      occurredOn: '2026-10-02',
    },
    steps: [
      {
        to: 'resolved',
        note: 'Billing run moved to the 1st · 开票日期改为每月 1 日',
        resolution: 'Billing automated; apology sent. · 开票已自动化，并已致歉。',
      },
    ],
  },
  {
    stakeholder: 'telco',
    raise: {
      title: 'Outage handled without informing us · 故障处理未通知我方',
      description:
        'A four-hour outage; we heard of it from our own users. · 四小时故障，我们是从自己的用户那里得知的。',
      type: 'breach_of_trust',
      toxicBehaviour: null,
      severity: 'severe',
      dueOn: '2026-11-01',
      occurredOn: '2026-10-20',
      reporterHidden: true,
    },
    steps: [{ to: 'escalated', note: 'Raised with their account director · 已上报对方客户总监' }],
  },
];

/** A few exceptions on the demo relationships, in several states of their workflow. */
export async function seedDemoExceptions(db: Kysely<DB>, people: DemoPeople): Promise<number> {
  const exceptions = createExceptionService(db);
  let count = 0;
  for (const plan of plans) {
    const stakeholderId = people.stakeholderIds.get(plan.stakeholder);
    if (!stakeholderId) continue;
    const relationship = await db
      .selectFrom('relationships')
      .select('id')
      .where('stakeholder_id', '=', stakeholderId)
      .orderBy('created_at')
      .executeTakeFirst();
    if (!relationship) continue;
    let exception = await exceptions.create(people.agent, {
      ...plan.raise,
      reporterHidden: plan.raise.reporterHidden ?? false,
      relationshipId: relationship.id,
      stakeholderIds: [],
      ownerId: people.manager.id,
    });
    for (const step of plan.steps ?? []) {
      exception = await exceptions.transition(people.manager, exception.id, exception.version, step);
    }
    if (plan.mediationNotes) {
      exception = await exceptions.update(people.manager, exception.id, exception.version, {
        mediationNotes: plan.mediationNotes,
      });
    }
    count += 1;
  }
  return count;
}
