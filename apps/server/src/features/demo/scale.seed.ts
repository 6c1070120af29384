import {
  engagementLevels,
  linkTypes,
  type Quadrant,
  type Stakeholder,
  stakeholderCategories,
  stakeholderKinds,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB, StakeholdersTable } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { insertAssessments } from '../stakeholders/assessment.repository.js';
import { insertStakeholders } from '../stakeholders/stakeholder.repository.js';
import { assessmentValuesOf, rowOf } from '../stakeholders/stakeholder.rules.js';
import { type JourneySummary, seedJourneys } from './scale.journeys.seed.js';
import { random } from './scale.random.js';

const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  'Smith',
  'Müller',
  'García',
  'Rossi',
  'Tanaka',
  'Okafor',
  'Novak',
  'Silva',
];
const given = ['伟', '芳', '娜', '敏', '静', 'Anna', 'James', 'Maria', 'Kenji', 'Amara', 'Lukas', 'Sofia'];
const orgWords = [
  'Bank',
  'Logistics',
  'Health',
  'Energy',
  'Retail',
  'Cloud',
  '科技',
  '集团',
  '能源',
  '医疗',
  'Council',
  'Foundation',
];
const tagPool = [
  'key account',
  'key supplier',
  'compliance',
  'press',
  'cloud',
  'strategy',
  'board',
  'risk',
  '重点',
  '合作',
];

export interface ScaleSummary {
  stakeholders: number;
  assessments: number;
  groups: number;
  memberships: number;
  links: number;
  journeys: JourneySummary;
}

export interface ScaleOptions {
  seed?: number;
  /** Relationships to open; by default two per stakeholder. */
  relationships?: number;
  /** Interactions to log over them; by default ten per relationship. */
  interactions?: number;
}

/**
 * Generates a realistic organisation of `count` stakeholders: bilingual names, every category, a spread over
 * the map with clusters, owners, two years of re-assessments, groups with intervals and links; then the
 * relationships with them on ten models' journeys, with their interactions (see scale.journeys.seed.ts).
 */
export async function seedScale(
  db: Kysely<DB>,
  count: number,
  options: ScaleOptions = {},
): Promise<ScaleSummary> {
  const seed = options.seed ?? 42;
  const relationshipCount = options.relationships ?? count * 2;
  const interactionCount = options.interactions ?? relationshipCount * 10;
  const rnd = random(seed);
  const owners = (
    await db.selectFrom('users').select('id').where('deactivated_at', 'is', null).execute()
  ).map((u) => u.id);
  const start = Date.UTC(2024, 10, 27);
  const span = Date.UTC(2026, 10, 27) - start;
  const ids: string[] = [];
  const quadrants: Quadrant[] = [];
  let assessments = 0;

  for (let offset = 0; offset < count; offset += 1000) {
    const rows: StakeholdersTable[] = [];
    const history: Parameters<typeof insertAssessments>[1] = [];
    for (let i = offset; i < Math.min(offset + 1000, count); i++) {
      const kind = rnd.pick(stakeholderKinds);
      const name =
        kind === 'person'
          ? `${rnd.pick(surnames)} ${rnd.pick(given)} ${i}`
          : `${rnd.pick(surnames)} ${rnd.pick(orgWords)} ${i}`;
      // Positions cluster around a few centres, as real landscapes do.
      const centre = rnd.pick([
        [4, 4],
        [4, 2],
        [2, 4],
        [2, 2],
        [3, 3],
      ] as const);
      const clamp = (v: number) => Math.max(1, Math.min(5, v));
      const influence = clamp(centre[0] + rnd.int(-1, 1));
      const interest = clamp(centre[1] + rnd.int(-1, 1));
      const createdMs = start + Math.floor(rnd.next() * span * 0.7);
      const createdAt = new Date(createdMs).toISOString();
      const current = rnd.next() < 0.85 ? rnd.pick(engagementLevels) : null;
      const stakeholder: Stakeholder = {
        id: newId(),
        name,
        kind,
        category: stakeholderCategories[i % stakeholderCategories.length] as Stakeholder['category'],
        scope: rnd.next() < 0.3 ? 'internal' : 'external',
        parentId: null,
        orgUnitId: null,
        influence,
        interest,
        quadrant: 'monitor',
        power: rnd.next() < 0.4,
        legitimacy: rnd.next() < 0.5,
        urgency: rnd.next() < 0.3,
        salience: 'none',
        engagementCurrent: current,
        engagementDesired: current
          ? rnd.pick(engagementLevels.slice(engagementLevels.indexOf(current)))
          : null,
        engagementGap: null,
        targetInfluence: rnd.next() < 0.2 ? clamp(influence + 1) : null,
        targetInterest: rnd.next() < 0.2 ? clamp(interest + 1) : null,
        ownerId: owners.length > 0 && rnd.next() < 0.7 ? rnd.pick(owners) : null,
        emails: kind === 'person' ? [`contact${i}@example.com`] : [],
        phones: [],
        tags: rnd.next() < 0.5 ? [rnd.pick(tagPool)] : [],
        notes: '',
        externalRef: `ext-${seed}-${i}`,
        lastAssessedAt: createdAt,
        archivedAt: null,
        version: 1,
        createdAt,
        updatedAt: createdAt,
      };
      // One to three assessments: the first at creation, later ones moving the stakeholder a step.
      let previous = assessmentValuesOf(stakeholder);
      const moves = rnd.int(0, 2);
      history.push({
        stakeholderId: stakeholder.id,
        at: createdAt,
        actorId: null,
        note: '',
        before: null,
        after: previous,
      });
      let at = createdMs;
      for (let m = 0; m < moves; m++) {
        at += Math.floor(rnd.next() * (start + span - at));
        const after = {
          ...previous,
          influence: clamp(previous.influence + rnd.int(-1, 1)),
          interest: clamp(previous.interest + rnd.int(-1, 1)),
        };
        history.push({
          stakeholderId: stakeholder.id,
          at: new Date(at).toISOString(),
          actorId: null,
          note: 'Periodic review',
          before: previous,
          after,
        });
        previous = after;
      }
      const last = new Date(at).toISOString();
      rows.push(
        rowOf({
          ...stakeholder,
          influence: previous.influence,
          interest: previous.interest,
          lastAssessedAt: last,
          updatedAt: last,
        }),
      );
      ids.push(stakeholder.id);
      quadrants.push((rows.at(-1) as StakeholdersTable).quadrant as Quadrant);
    }
    await db.transaction().execute(async (trx) => {
      await insertStakeholders(trx, rows);
      await insertAssessments(trx, history);
    });
    assessments += history.length;
  }

  const groupCount = Math.max(3, Math.min(50, Math.round(count / 2000)));
  const groups: string[] = [];
  let memberships = 0;
  const at = new Date(start + span).toISOString();
  const links = await db.transaction().execute(async (trx) => {
    for (let g = 0; g < groupCount; g++) {
      const id = newId();
      groups.push(id);
      await trx
        .insertInto('stakeholder_groups')
        .values({
          id,
          name: `Key group ${g + 1} · 重点群体 ${g + 1}`,
          sort_name: `key group ${g + 1}`,
          description: '',
          key_group: 1,
          reassess_days: rnd.pick([30, 90, 180, 365]),
          archived_at: null,
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    const members: { group_id: string; stakeholder_id: string; added_at: string }[] = [];
    for (const id of ids)
      if (rnd.next() < 0.3) members.push({ group_id: rnd.pick(groups), stakeholder_id: id, added_at: at });
    for (let i = 0; i < members.length; i += 1000) {
      await trx
        .insertInto('stakeholder_group_members')
        .values(members.slice(i, i + 1000))
        .execute();
    }
    memberships = members.length;

    const seen = new Set<string>();
    const links: {
      id: string;
      from_id: string;
      to_id: string;
      type: string;
      note: string;
      created_at: string;
    }[] = [];
    for (let i = 0; i < ids.length; i++) {
      const from = ids[i] as string;
      const to = ids[rnd.int(0, ids.length - 1)] as string;
      const type = rnd.pick(linkTypes);
      const key = `${from}|${to}|${type}`;
      if (from === to || seen.has(key)) continue;
      seen.add(key);
      links.push({ id: newId(), from_id: from, to_id: to, type, note: '', created_at: at });
    }
    for (let i = 0; i < links.length; i += 1000)
      await trx
        .insertInto('stakeholder_links')
        .values(links.slice(i, i + 1000))
        .execute();
    await recordAudit(trx, {
      actorId: null,
      action: 'import',
      entity: 'scale_seed',
      entityId: `seed-${seed}`,
      before: null,
      after: { stakeholders: count, groups: groupCount, memberships, links: links.length },
    });
    return links.length;
  });
  const journeys = await seedJourneys(db, rnd, {
    seed,
    stakeholders: ids.map((id, i) => ({ id, quadrant: quadrants[i] as Quadrant })),
    groups,
    relationships: relationshipCount,
    interactions: interactionCount,
    now: start + span,
  });
  return { stakeholders: count, assessments, groups: groupCount, memberships, links, journeys };
}
