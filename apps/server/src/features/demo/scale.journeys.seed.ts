import {
  interactionKinds,
  type Journey,
  maturityLevels,
  ourRoles,
  type Quadrant,
  type Role,
} from '@rapport/contracts';
import type { Insertable, Kysely } from 'kysely';
import type {
  DB,
  FollowUpsTable,
  InteractionStakeholdersTable,
  InteractionsTable,
  RelationshipChecklistTable,
  RelationshipMovesTable,
  RelationshipPositionsTable,
  RelationshipsTable,
  UsersTable,
} from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { createModelService } from '../models/model.service.js';
import { templatesIn } from '../models/model.templates.js';
import { contactEveryDays } from '../relationships/contact.js';
import { recountBoard } from '../relationships/positions.repository.js';
import type { Random } from './scale.random.js';

export interface JourneySummary {
  users: number;
  models: number;
  relationships: number;
  interactions: number;
  followUps: number;
}

const summaries = [
  'Quarterly business review · 季度业务回顾',
  'Service report walkthrough · 服务报告解读',
  'Escalation call about an outage · 关于故障的升级电话',
  'Roadmap workshop · 路线图研讨会',
  'Contract renewal discussion · 合同续签讨论',
  'Introduced the new service owner · 介绍新的服务负责人',
  'Feedback on the last release · 对上次发布的反馈',
  'Invitation to the partner event · 邀请参加合作伙伴活动',
];
const followUpTexts = [
  'Send the minutes · 发送会议纪要',
  'Prepare the offer · 准备报价',
  'Book the next review · 预约下次回顾',
];

/** Model sizes are skewed, as in a real organisation: one journey for many suppliers, few strategic partners. */
const modelWeights = [30, 20, 12, 10, 8, 6, 5, 4, 3, 2];
const weightedIndex = (rnd: Random, weights: readonly number[]) => {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let ticket = rnd.next() * total;
  for (let i = 0; i < weights.length; i++) {
    ticket -= weights[i] as number;
    if (ticket < 0) return i;
  }
  return weights.length - 1;
};

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Inserts many rows per statement, staying under SQLite's limit of 32,766 parameters per statement. */
async function insertInBatches<T extends keyof DB>(db: Kysely<DB>, table: T, rows: Insertable<DB[T]>[]) {
  const columns = rows[0] ? Object.keys(rows[0]).length : 1;
  const perStatement = Math.floor(32_000 / columns);
  for (let i = 0; i < rows.length; i += perStatement) {
    // Kysely cannot relate a generic table name to its row type; the signature above keeps callers typed.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as never)
      .execute();
  }
}

/** Relationship managers and agents, about one per thousand relationships, as a large organisation staffs them. */
async function seedStaff(db: Kysely<DB>, relationships: number, seed: number, at: string) {
  const count = Math.max(4, Math.min(500, Math.round(relationships / 1000)));
  const rows: Insertable<UsersTable>[] = Array.from({ length: count }, (_, i) => {
    const role: Role = i % 5 === 0 ? 'relationship_manager' : 'relationship_agent';
    const name = `${role === 'relationship_manager' ? 'Manager' : 'Agent'} ${i + 1} · 员工 ${i + 1}`;
    return {
      id: newId(),
      email: `staff${i + 1}.${seed}@scale.example`,
      name,
      sort_name: name.toLowerCase(),
      role,
      locale: i % 2 === 0 ? 'en' : 'zh-CN',
      competencies: '[]',
      // No password: generated staff cannot sign in until an administrator sets one.
      password_hash: null,
      deactivated_at: null,
      version: 1,
      created_at: at,
      updated_at: at,
    };
  });
  await insertInBatches(db, 'users', rows);
  return {
    managers: rows.filter((row) => row.role === 'relationship_manager'),
    agents: rows.filter((row) => row.role === 'relationship_agent'),
  };
}

/** Ten agreed models from the bilingual examples, each for one to three of the generated groups. */
async function seedModels(db: Kysely<DB>, rnd: Random, groups: string[], manager: UsersTable) {
  const service = createModelService(db);
  const actor = {
    id: manager.id,
    name: manager.name,
    role: 'relationship_manager' as const,
    via: 'token' as const,
  };
  const templates = templatesIn('en');
  const models: { id: string; journey: Journey; json: string; version: number }[] = [];
  for (let i = 0; i < modelWeights.length; i++) {
    const template = templates[i % templates.length] as (typeof templates)[number];
    const groupIds = [
      ...new Set([rnd.pick(groups), rnd.pick(groups), rnd.pick(groups)].slice(0, rnd.int(1, 3))),
    ];
    let model = await service.create(actor, {
      name: `${template.name} ${i + 1}`,
      groupIds,
      nextReviewOn: null,
      ...template.content,
    });
    model = await service.propose(actor, model.id, model.version, '');
    model = await service.agree(actor, model.id, model.version, 'Scale seed');
    const {
      steps,
      contactEveryDays: every,
      contactEveryDaysByQuadrant,
      reviewEveryDays,
      healthWeights,
    } = template.content;
    const journey: Journey = {
      steps,
      contactEveryDays: every,
      contactEveryDaysByQuadrant,
      reviewEveryDays,
      healthWeights,
    };
    models.push({ id: model.id, journey, json: toJson(journey), version: model.agreedVersion ?? 1 });
  }
  return models;
}

/**
 * Relationships between the organisation and the generated stakeholders, on the journeys of ten models, with their
 * moves, ticked checklists, and interactions (mirrored per stakeholder) with follow-ups; the contact columns are
 * computed as `refreshContact` computes them, so lists and "my work" read what the running app would.
 */
export async function seedJourneys(
  db: Kysely<DB>,
  rnd: Random,
  input: {
    seed: number;
    stakeholders: { id: string; quadrant: Quadrant }[];
    groups: string[];
    relationships: number;
    interactions: number;
    now: number;
  },
): Promise<JourneySummary> {
  const { stakeholders, relationships: total, interactions: budget, now } = input;
  if (total === 0 || stakeholders.length === 0)
    return { users: 0, models: 0, relationships: 0, interactions: 0, followUps: 0 };
  const at = new Date(now).toISOString();
  const staff = await seedStaff(db, total, input.seed, at);
  const models = await seedModels(db, rnd, input.groups, staff.managers[0] as UsersTable);
  let interactionCount = 0;
  let followUpCount = 0;

  for (let offset = 0; offset < total; offset += 1000) {
    const size = Math.min(1000, total - offset);
    const relationships: RelationshipsTable[] = [];
    const positions: RelationshipPositionsTable[] = [];
    const moves: RelationshipMovesTable[] = [];
    const ticks: RelationshipChecklistTable[] = [];
    const interactions: InteractionsTable[] = [];
    const mirror: InteractionStakeholdersTable[] = [];
    const followUps: FollowUpsTable[] = [];
    // This chunk's share of the interactions, spread at random over its relationships.
    const share = Math.floor(((offset + size) * budget) / total) - Math.floor((offset * budget) / total);
    const contacts = new Array<number>(size).fill(0);
    for (let n = 0; n < share; n++) {
      const k = rnd.int(0, size - 1);
      contacts[k] = (contacts[k] as number) + 1;
    }

    for (let i = 0; i < size; i++) {
      const stakeholder = stakeholders[(offset + i) % stakeholders.length] as (typeof stakeholders)[number];
      const model = rnd.next() < 0.92 ? models[weightedIndex(rnd, modelWeights)] : undefined;
      const journey = model?.journey ?? null;
      const manager = rnd.pick(staff.managers);
      const agent = rnd.next() < 0.9 ? rnd.pick(staff.agents) : null;
      const startedMs = now - rnd.int(30, 730) * DAY;
      const ended = rnd.next() < 0.08;
      // Earlier steps hold more relationships: a funnel, as journeys are.
      const stepCount = journey?.steps.length ?? 0;
      const stepIndex = journey ? Math.min(stepCount - 1, Math.floor(rnd.next() ** 1.6 * stepCount)) : -1;
      const steps = journey
        ? [
            journey.steps[stepIndex]?.key as string,
            ...(rnd.next() < 0.1 && stepIndex + 1 < stepCount - 1
              ? [journey.steps[stepIndex + 1]?.key as string]
              : []),
          ]
        : [];
      const id = newId();
      const name = `Relationship ${offset + i + 1} · 关系 ${offset + i + 1}`;
      let lastMs = 0;
      const count = contacts[i] as number;
      const times = Array.from(
        { length: count },
        () => startedMs + Math.floor(rnd.next() * (now - startedMs)),
      );
      for (const occurredMs of times) {
        const interactionId = newId();
        const occurredAt = new Date(occurredMs).toISOString();
        lastMs = Math.max(lastMs, occurredMs);
        const author = agent ?? manager;
        interactions.push({
          id: interactionId,
          relationship_id: id,
          stakeholder_id: stakeholder.id,
          kind: rnd.pick(interactionKinds),
          occurred_at: occurredAt,
          confidential: rnd.next() < 0.05 ? 1 : 0,
          summary: rnd.pick(summaries),
          sentiment: rnd.next() < 0.8 ? rnd.int(-2, 2) : null,
          participant_user_ids: toJson([author.id]),
          participant_stakeholder_ids: '[]',
          author_id: author.id,
          archived_at: null,
          version: 1,
          created_at: occurredAt,
          updated_at: occurredAt,
        });
        mirror.push({
          interaction_id: interactionId,
          stakeholder_id: stakeholder.id,
          occurred_at: occurredAt,
        });
        if (rnd.next() < 0.04) {
          const done = occurredMs < now - 30 * DAY && rnd.next() < 0.8;
          followUps.push({
            id: newId(),
            interaction_id: interactionId,
            relationship_id: id,
            text: rnd.pick(followUpTexts),
            owner_id: author.id,
            due_on: isoDay(occurredMs + 7 * DAY),
            done_at: done ? new Date(occurredMs + 5 * DAY).toISOString() : null,
            done_by: done ? author.id : null,
            version: 1,
            created_at: occurredAt,
            updated_at: occurredAt,
          });
        }
      }
      interactionCount += count;
      const startedOn = isoDay(startedMs);
      const lastContactAt = lastMs === 0 ? null : new Date(lastMs).toISOString();
      const every = contactEveryDays(journey, steps, stakeholder.quadrant);
      const status = ended ? 'ended' : rnd.next() < 0.04 ? 'paused' : 'active';
      const nextContactOn =
        status === 'active' && every !== null
          ? isoDay(Date.parse(`${(lastContactAt ?? startedOn).slice(0, 10)}T00:00:00Z`) + every * DAY)
          : null;
      const reviewEvery = journey?.reviewEveryDays ?? 90;
      const startedAt = new Date(startedMs).toISOString();
      const archived = rnd.next() < 0.01;
      relationships.push({
        id,
        name,
        sort_name: name.toLowerCase(),
        stakeholder_id: stakeholder.id,
        from_stakeholder_id: null,
        org_unit_id: null,
        service: rnd.next() < 0.85 ? 1 : 0,
        our_role: rnd.pick(ourRoles),
        characteristics: toJson({
          commercial: rnd.pick(['commercial', 'non_commercial']),
          formality: rnd.pick(['formal', 'informal']),
          size: rnd.pick(['group', 'individual']),
          directness: rnd.pick(['direct', 'indirect']),
          nature: 'professional',
          choice: rnd.pick(['voluntary', 'mandatory']),
          hierarchy: 'peer',
        }),
        manager_id: manager.id,
        agent_id: agent?.id ?? null,
        maturity: rnd.pick(maturityLevels),
        status,
        started_on: startedOn,
        ended_on: ended ? isoDay(now - rnd.int(1, 29) * DAY) : null,
        end_reason: ended
          ? rnd.pick(['completed', 'approach_not_followed', 'strategy_change', 'other'])
          : null,
        end_note: '',
        model_id: model?.id ?? null,
        model_version: model?.version ?? null,
        journey: model?.json ?? null,
        health_weights: model ? toJson(model.journey.healthWeights) : null,
        review_every_days: model?.journey.reviewEveryDays ?? null,
        current_steps: toJson(steps),
        next_review_on: status === 'active' ? isoDay(startedMs + rnd.int(1, 6) * reviewEvery * DAY) : null,
        created_by: manager.id,
        archived_at: archived ? at : null,
        version: 1,
        created_at: startedAt,
        updated_at: startedAt,
        last_contact_at: lastContactAt,
        contact_every_days: status === 'active' ? every : null,
        next_contact_on: nextContactOn,
        health_override: null,
        health_override_comment: null,
        health_override_by: null,
        health_override_at: null,
        // Scored by the server's background fill on start-up.
        health_score: null,
        health_scored_on: null,
      });
      for (const key of steps)
        positions.push({
          relationship_id: id,
          step_key: key,
          since: startedAt,
          model_id: model?.id ?? null,
          open: status === 'active' && !archived ? 1 : 0,
          next_contact_on: nextContactOn,
        });
      moves.push({
        id: newId(),
        relationship_id: id,
        from_steps: '[]',
        to_steps: toJson(steps),
        note: '',
        actor_id: manager.id,
        at: startedAt,
      });
      // The steps already passed have their activities ticked.
      for (const step of journey?.steps.slice(0, Math.max(0, stepIndex)) ?? [])
        for (const activity of step.activities)
          ticks.push({
            relationship_id: id,
            step_key: step.key,
            activity_key: activity.key,
            done_by: agent?.id ?? manager.id,
            done_at: startedAt,
          });
    }
    await db.transaction().execute(async (trx) => {
      await insertInBatches(trx, 'relationships', relationships);
      await insertInBatches(trx, 'relationship_positions', positions);
      await insertInBatches(trx, 'relationship_moves', moves);
      await insertInBatches(trx, 'relationship_checklist', ticks);
      await insertInBatches(trx, 'interactions', interactions);
      await insertInBatches(trx, 'interaction_stakeholders', mirror);
      await insertInBatches(trx, 'follow_ups', followUps);
    });
    followUpCount += followUps.length;
  }
  // Positions were written directly, with their copied columns: the board counts are counted once.
  await recountBoard(db);
  return {
    users: staff.managers.length + staff.agents.length,
    models: models.length,
    relationships: total,
    interactions: interactionCount,
    followUps: followUpCount,
  };
}
