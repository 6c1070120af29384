import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { createCultureService } from '../culture/culture.service.js';
import { createGroupService } from '../groups/group.service.js';
import { createImprovementService } from '../improvements/improvement.service.js';
import { createMaterialService } from '../materials/material.service.js';
import { createModelService } from '../models/model.service.js';
import { templatesIn } from '../models/model.templates.js';
import { createOrgUnitService } from '../org-units/org-unit.service.js';
import { createPrincipleService } from '../principles/principle.service.js';
import { createReviewService } from '../reviews/review.service.js';
import { createStakeholderService } from '../stakeholders/stakeholder.service.js';
import { demoCulture, demoGroups, demoMaterials, demoPrinciples, demoUnits } from './demo.approach.data.js';

export interface DemoPeople {
  admin: Actor;
  manager: Actor;
  agent: Actor;
  stakeholderIds: Map<string, string>;
}

/**
 * The common approach of the demo organisation, through the services: its units, culture, principles in every
 * state, models for key groups (one group left uncovered), training with acknowledgements, and a review.
 */
export async function seedDemoApproach(
  db: Kysely<DB>,
  people: DemoPeople,
): Promise<{ summary: string; modelIds: Map<string, string> }> {
  const { admin, manager, agent, stakeholderIds } = people;
  const stakeholders = createStakeholderService(db);

  const units = createOrgUnitService(db);
  const unitIds = new Map<string, string>();
  for (const unit of demoUnits) {
    const created = await units.create(admin, {
      name: unit.name,
      kind: unit.kind,
      parentId: unit.parent ? (unitIds.get(unit.parent) ?? null) : null,
      description: unit.description,
    });
    unitIds.set(unit.key, created.id);
    for (const member of unit.members ?? []) {
      const id = stakeholderIds.get(member) as string;
      const current = await stakeholders.get(admin, id);
      await stakeholders.update(admin, id, current.version, { orgUnitId: created.id });
    }
  }

  const culture = createCultureService(db);
  for (const { unit, ...assessment } of demoCulture) {
    await culture.create(admin, { ...assessment, orgUnitId: unit ? (unitIds.get(unit) ?? null) : null });
  }

  const groups = createGroupService(db);
  const groupIds = new Map<string, string>();
  for (const group of demoGroups) {
    const created = await groups.create(admin, {
      name: group.name,
      description: group.description,
      keyGroup: true,
      reassessDays: group.reassessDays,
    });
    groupIds.set(group.key, created.id);
    await groups.addMembers(admin, created.id, {
      stakeholderIds: group.members.map((key) => stakeholderIds.get(key) as string),
    });
  }

  const principles = createPrincipleService(db);
  const principleIds = new Map<string, string>();
  for (const seed of demoPrinciples) {
    let principle = await principles.create(agent, {
      title: seed.title,
      body: seed.body,
      nextReviewOn: seed.nextReviewOn,
    });
    principleIds.set(seed.key, principle.id);
    if (seed.state === 'draft') continue;
    principle = await principles.propose(agent, principle.id, principle.version, '');
    if (seed.state === 'proposed') continue;
    principle = await principles.agree(manager, principle.id, principle.version, seed.agreementNote ?? '');
    if (seed.state === 'retired') {
      await principles.retire(manager, principle.id, principle.version, seed.retirementNote ?? '');
      continue;
    }
    if (seed.nextDraft) {
      await principles.update(agent, principle.id, principle.version, {
        body: `${seed.body}\n\n${seed.nextDraft}`,
        changeNote: 'Add an example · 增加示例',
      });
    }
  }

  const models = createModelService(db);
  const english = templatesIn('en');
  const chinese = templatesIn('zh-CN');
  const modelIds = new Map<string, string>();
  const plans = [
    { template: 'strategic-customer-partnership', group: 'customers', agree: true },
    { template: 'commodity-supplier', group: 'suppliers', agree: true },
    { template: 'regulator', group: 'regulators', agree: false },
  ];
  for (const plan of plans) {
    const en = english.find((t) => t.key === plan.template);
    const zh = chinese.find((t) => t.key === plan.template);
    if (!en || !zh) continue;
    let model = await models.create(manager, {
      name: `${en.name} · ${zh.name}`,
      groupIds: [groupIds.get(plan.group) as string],
      nextReviewOn: '2027-06-30',
      ...en.content,
    });
    modelIds.set(plan.template, model.id);
    model = await models.propose(manager, model.id, model.version, '');
    if (plan.agree) await models.agree(admin, model.id, model.version, 'Leadership team · 领导团队');
  }

  const materials = createMaterialService(db);
  for (const seed of demoMaterials) {
    const material = await materials.create(manager, {
      title: seed.title,
      kind: seed.kind,
      url: seed.url ?? null,
      body: seed.body ?? '',
      principleId: seed.principle ? (principleIds.get(seed.principle) ?? null) : null,
      modelId: seed.model ? (modelIds.get(seed.model) ?? null) : null,
      audience: seed.audience,
    });
    if (seed.readByAgent) await materials.acknowledge(agent, material.id, material.revision);
  }

  const reviews = createReviewService(db);
  const held = await reviews.create(manager, {
    subject: 'approach',
    title: 'Yearly approach review 2025 · 2025年度方法评审',
    trigger: 'periodic',
    triggerNote: '',
    status: 'done',
    scheduledOn: '2025-12-01',
    heldOn: '2025-12-05',
    participants: ['Lin Mei · 林梅', 'CIO · 首席信息官', 'Board secretary · 董事会秘书'],
    findings:
      'Suppliers and regulators had no agreed model; internal teams still work without one. Agents had not read the principles.\n\n供应商和监管机构没有已同意的模型；内部团队仍然没有模型。关系专员尚未阅读原则。',
    decisions:
      'Agree models for customers and suppliers; train every agent on the principles.\n\n为客户和供应商确定模型；对所有关系专员进行原则培训。',
    lessonsLearned: 'Agree fewer principles, and teach them.\n\n原则要少而精，并且要培训到位。',
    satisfaction: 3,
    effective: false,
    communicatedTo: ['Leadership team · 领导团队', 'All relationship agents · 全体关系专员'],
  });
  await reviews.create(manager, {
    subject: 'approach',
    title: 'Yearly approach review 2026 · 2026年度方法评审',
    trigger: 'periodic',
    triggerNote: '',
    status: 'planned',
    scheduledOn: '2026-12-04',
    heldOn: null,
    participants: [],
    findings: '',
    decisions: '',
    lessonsLearned: '',
    satisfaction: null,
    effective: null,
    communicatedTo: [],
  });
  const improvements = createImprovementService(db);
  for (const [title, status, dueOn] of [
    ['Agree a model for key suppliers · 为重点供应商确定关系模型', 'done', '2026-03-31'],
    ['Model for internal teams · 内部团队的关系模型', 'in_progress', '2027-01-31'],
    ['Principles training for all agents · 全体关系专员的原则培训', 'approved', '2026-12-31'],
  ] as const) {
    await improvements.create(manager, {
      title,
      description: '',
      sourceType: 'review',
      sourceId: held.id,
      ownerId: manager.id,
      status,
      dueOn,
      expectedBenefit: '',
      realisedBenefit:
        status === 'done' ? 'Supplier relationships follow one agreed approach · 供应商关系遵循统一方法' : '',
    });
  }
  return {
    summary: `${demoUnits.length} org units, ${demoCulture.length} culture assessments, ${demoPrinciples.length} principles, ${modelIds.size} relationship models, ${demoMaterials.length} training materials and an approach review`,
    modelIds,
  };
}
