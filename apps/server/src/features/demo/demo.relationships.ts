import type { Relationship } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { createInteractionService } from '../interactions/interaction.service.js';
import { createRelationshipService } from '../relationships/relationship.service.js';
import type { DemoPeople } from './demo.approach.js';

interface Plan {
  stakeholder: string;
  model?: string;
  ourRole: 'provider' | 'consumer' | null;
  maturity: Relationship['maturity'];
  startedOn: string;
  /** Journey positions in order, by step key; several keys run in parallel. */
  path: string[][];
  /** Activities ticked, as `step/activity`. */
  ticked: string[];
  end?: { reason: NonNullable<Relationship['endReason']>; note: string; on: string };
  /** Contacts logged by the agent: days ago, kind, sentiment, summary, and whether confidential. */
  contacts?: {
    daysAgo: number;
    kind: 'meeting' | 'call' | 'email' | 'workshop';
    sentiment: number;
    summary: string;
    confidential?: boolean;
    followUp?: string;
  }[];
}

const plans: Plan[] = [
  {
    stakeholder: 'clients',
    model: 'strategic-customer-partnership',
    ourRole: 'provider',
    maturity: 'trusted_advisor',
    startedOn: '2026-02-01',
    path: [['engage'], ['offer', 'agree']],
    ticked: ['explore/a1', 'explore/a2', 'engage/a1', 'engage/a2', 'offer/a1'],
    contacts: [
      { daysAgo: 40, kind: 'workshop', sentiment: 2, summary: 'Joint roadmap workshop · 联合路线图研讨会' },
      {
        daysAgo: 12,
        kind: 'meeting',
        sentiment: 1,
        summary: 'Proposal walkthrough with the CFO · 与首席财务官讨论方案',
        followUp: 'Send the revised pricing · 发送修订后的报价',
      },
      {
        daysAgo: 3,
        kind: 'call',
        sentiment: -1,
        summary: 'Their sponsor may move to another role · 对方发起人可能调岗',
        confidential: true,
      },
    ],
  },
  {
    stakeholder: 'retail',
    model: 'strategic-customer-partnership',
    ourRole: 'provider',
    maturity: 'service_provider',
    startedOn: '2025-09-15',
    path: [['engage'], ['agree'], ['onboard'], ['co_create']],
    ticked: ['onboard/a1', 'onboard/a2', 'co_create/a1'],
    contacts: [
      { daysAgo: 75, kind: 'email', sentiment: 0, summary: 'Monthly service report · 月度服务报告' },
    ],
  },
  {
    stakeholder: 'telco',
    model: 'commodity-supplier',
    ourRole: 'consumer',
    maturity: 'order_taker',
    startedOn: '2026-04-01',
    path: [['offer'], ['agree'], ['onboard']],
    ticked: ['agree/a1', 'agree/a2'],
  },
  {
    stakeholder: 'print',
    model: 'commodity-supplier',
    ourRole: 'consumer',
    maturity: 'ad_hoc',
    startedOn: '2025-03-01',
    path: [['agree'], ['co_create']],
    ticked: [],
    end: {
      reason: 'approach_not_followed',
      note: 'Service reviews were skipped for a year · 一年未开展服务评审',
      on: '2026-08-31',
    },
  },
  { stakeholder: 'press', ourRole: null, maturity: 'ad_hoc', startedOn: '2026-01-05', path: [], ticked: [] },
];

/** Relationships of the demo organisation at different points of their journeys, one of them ended. */
export async function seedDemoRelationships(
  db: Kysely<DB>,
  people: DemoPeople,
  modelIds: Map<string, string>,
): Promise<number> {
  const relationships = createRelationshipService(db);
  const interactions = createInteractionService(db);
  const { manager, agent } = people;
  for (const plan of plans) {
    const stakeholderId = people.stakeholderIds.get(plan.stakeholder);
    if (!stakeholderId) continue;
    // The manager opens and assigns them (relationships.assign); the agent then works them.
    let relationship = await relationships.create(manager, {
      stakeholderId,
      fromStakeholderId: null,
      orgUnitId: null,
      service: plan.ourRole !== null,
      ourRole: plan.ourRole,
      characteristics: {
        commercial: plan.ourRole === null ? 'non_commercial' : 'commercial',
        formality: 'formal',
        size: 'group',
        directness: 'direct',
        nature: 'professional',
        choice: 'voluntary',
        hierarchy: 'peer',
      },
      managerId: manager.id,
      agentId: agent.id,
      maturity: plan.maturity,
      startedOn: plan.startedOn,
      modelId: plan.model ? (modelIds.get(plan.model) ?? null) : null,
      nextReviewOn: null,
    });
    const keys = new Set(relationship.journey?.steps.map((step) => step.key) ?? []);
    for (const tick of plan.ticked) {
      const [step, activity] = tick.split('/') as [string, string];
      if (keys.has(step)) await relationships.setChecklistItem(agent, relationship.id, step, activity, true);
    }
    for (const steps of plan.path) {
      const known = steps.filter((step) => keys.has(step));
      if (known.length === 0) continue;
      relationship = await relationships.move(agent, relationship.id, relationship.version, known, '');
    }
    for (const contact of plan.contacts ?? []) {
      await interactions.create(agent, {
        relationshipId: relationship.id,
        kind: contact.kind,
        occurredAt: new Date(Date.now() - contact.daysAgo * 86_400_000).toISOString(),
        confidential: contact.confidential ?? false,
        summary: contact.summary,
        sentiment: contact.sentiment,
        participantUserIds: [],
        participantStakeholderIds: [],
        followUps: contact.followUp ? [{ text: contact.followUp, ownerId: agent.id, dueOn: null }] : [],
      });
    }
    if (plan.end) {
      await relationships.end(manager, relationship.id, relationship.version, {
        endedOn: plan.end.on,
        endReason: plan.end.reason,
        endNote: plan.end.note,
      });
    }
  }
  return plans.length;
}
