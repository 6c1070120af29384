import type {
  Locale,
  ModelContent,
  ModelCoverage,
  RelationshipModel,
  RelationshipModelCreate,
  RelationshipModelListQuery,
  RelationshipModelPatch,
  RelationshipModelSummary,
  RelationshipModelVersion,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { AgreedDocumentsTable, DB } from '../../db/schema.js';
import { fieldErrors } from '../../errors.js';
import { fromJson } from '../../shared/json.js';
import { versionSummaryOf } from '../agreement/agreement.repository.js';
import { agreedDocuments, headFields } from '../agreement/agreement.service.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import {
  activeGroupIds,
  groupsOfModels,
  keyGroupCoverage,
  replaceModelGroups,
  uncoveredCounts,
} from './model.repository.js';
import { templatesIn } from './model.templates.js';

const contentKeys = [
  'description',
  'relationshipType',
  'communality',
  'steps',
  'contactEveryDays',
  'contactEveryDaysByQuadrant',
  'reviewEveryDays',
  'healthWeights',
] as const satisfies readonly (keyof ModelContent)[];

const contentOf = (version: { content: string }) => fromJson<ModelContent>(version.content) as ModelContent;

function pickContent(input: Partial<ModelContent>): Partial<ModelContent> {
  return Object.fromEntries(
    contentKeys.flatMap((key) => (input[key] === undefined ? [] : [[key, input[key]]])),
  );
}

function summaryOf(
  head: AgreedDocumentsTable,
  groups: { id: string; name: string }[],
): RelationshipModelSummary {
  const summary = fromJson<{
    relationshipType: RelationshipModelSummary['relationshipType'];
    stepCount: number;
  }>(head.summary) as { relationshipType: RelationshipModelSummary['relationshipType']; stepCount: number };
  return { ...headFields(head), name: head.title, groups, ...summary };
}

async function groupsByModel(db: Kysely<DB>, modelIds: string[]) {
  const byModel = new Map<string, { id: string; name: string }[]>();
  for (const row of await groupsOfModels(db, modelIds)) {
    byModel.set(row.modelId, [...(byModel.get(row.modelId) ?? []), { id: row.id, name: row.name }]);
  }
  return byModel;
}

export function createModelService(db: Kysely<DB>) {
  const documents = agreedDocuments<ModelContent, RelationshipModel>(db, {
    tables: { head: 'relationship_models', versions: 'relationship_model_versions' },
    entity: 'relationship_model',
    label: 'relationship model',
    summaryOf: (content) => ({ relationshipType: content.relationshipType, stepCount: content.steps.length }),
    // SPEC §3: a model belongs to one or more stakeholder groups; a draft may wait for them, a proposal may not.
    proposalErrors: async (trx, id) =>
      ((await groupsByModel(trx, [id])).get(id)?.length ?? 0) > 0
        ? []
        : [
            {
              path: 'groupIds',
              message: 'name the stakeholder groups this model is for before proposing it',
            },
          ],
    present: async (trx, { head, latest }) => ({
      ...headFields(head),
      name: latest.title,
      groups: (await groupsByModel(trx, [head.id])).get(head.id) ?? [],
      ...contentOf(latest),
    }),
  });

  /** Sets the model's groups, after checking that each exists (every unknown one named at once). */
  const assignGroups = (groupIds: string[] | undefined) =>
    groupIds === undefined
      ? undefined
      : async (trx: Kysely<DB>, modelId: string) => {
          const unique = [...new Set(groupIds)];
          const found = await activeGroupIds(trx, unique);
          const missing = groupIds.flatMap((id, index) =>
            found.has(id)
              ? []
              : [{ path: `groupIds.${index}`, message: 'no stakeholder group with this id' }],
          );
          if (missing.length > 0) throw fieldErrors('rule_broken', missing);
          await replaceModelGroups(trx, modelId, unique);
        };

  return {
    ...documents,

    async list(actor: Actor | null, query: RelationshipModelListQuery) {
      const page = await documents.list(actor, query, (q) =>
        q.$if(query.groupId !== undefined, (qb) =>
          qb.where(({ exists, selectFrom }) =>
            exists(
              selectFrom('relationship_model_groups as mg')
                .select('mg.model_id')
                .whereRef('mg.model_id', '=', 'relationship_models.id')
                .where('mg.group_id', '=', query.groupId as string),
            ),
          ),
        ),
      );
      const groups = await groupsByModel(
        db,
        page.data.map((row) => row.id),
      );
      return { ...page, data: page.data.map((row) => summaryOf(row, groups.get(row.id) ?? [])) };
    },

    create: (actor: Actor | null, input: RelationshipModelCreate) => {
      const { name, groupIds, nextReviewOn, ...content } = input;
      return documents.create(actor, { title: name, content, nextReviewOn }, assignGroups(groupIds));
    },

    async update(actor: Actor | null, id: string, version: number, patch: RelationshipModelPatch) {
      requirePermission(actor, 'approach.write');
      const changes = pickContent(patch);
      const latest =
        Object.keys(changes).length === 0 ? undefined : contentOf((await documents.load(db, id)).latest);
      return documents.update(
        actor,
        id,
        version,
        {
          title: patch.name,
          // Merged with the newest version as read here; the record version check still guards the write.
          content: latest && { ...latest, ...changes },
          nextReviewOn: patch.nextReviewOn,
          changeNote: patch.changeNote,
        },
        assignGroups(patch.groupIds),
      );
    },

    async version(actor: Actor | null, id: string, number: number): Promise<RelationshipModelVersion> {
      const row = await documents.version(actor, id, number);
      return { ...versionSummaryOf(row), ...contentOf(row) };
    },

    templates(actor: Actor | null, locale: Locale) {
      requirePermission(actor, 'approach.read');
      return { data: templatesIn(locale), nextCursor: null };
    },

    async coverage(actor: Actor | null): Promise<ModelCoverage> {
      requirePermission(actor, 'approach.read');
      const { groups, models } = await keyGroupCoverage(db);
      const rows = groups.map((group) => {
        const forGroup = models
          .filter((model) => model.groupId === group.id)
          .map(({ id, name, agreedVersion }) => ({ id, name, agreedVersion }));
        return {
          groupId: group.id,
          name: group.name,
          memberCount: Number(group.memberCount ?? 0),
          covered: forGroup.some((model) => model.agreedVersion !== null),
          models: forGroup,
        };
      });
      return {
        keyGroups: rows.length,
        coveredGroups: rows.filter((row) => row.covered).length,
        ...(await uncoveredCounts(db)),
        groups: rows,
      };
    },
  };
}

export type ModelService = ReturnType<typeof createModelService>;
