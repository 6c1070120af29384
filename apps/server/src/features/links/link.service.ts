import type {
  Network,
  NetworkQuery,
  StakeholderLink,
  StakeholderLinkCreate,
  StakeholderLinkListQuery,
} from '@rapport/contracts';
import { undirectedLinkTypes } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError, fieldErrors } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { now } from '../../shared/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { existingStakeholderIds, findGroupById, memberIdsOf } from '../groups/group.repository.js';
import {
  deleteLink,
  findLink,
  findSameLink,
  insertLink,
  linksTouching,
  listLinks,
  nodesOf,
  toLink,
} from './link.repository.js';

/** The most stakeholders a network view returns: past it the picture is unreadable anyway. */
const MAX_NODES = 500;

export function createLinkService(db: Kysely<DB>) {
  return {
    async list(actor: Actor | null, query: StakeholderLinkListQuery) {
      requirePermission(actor, 'stakeholders.read');
      return listLinks(db, query);
    },

    async create(actor: Actor | null, input: StakeholderLinkCreate): Promise<StakeholderLink> {
      const signedIn = requirePermission(actor, 'stakeholders.write');
      if (input.fromId === input.toId) {
        throw fieldErrors('rule_broken', [
          { path: 'toId', message: 'a stakeholder cannot be linked to itself' },
        ]);
      }
      // An undirected link is stored one way round, so "A allied with B" and "B allied with A" are one link.
      const [fromId, toId] =
        undirectedLinkTypes.includes(input.type) && input.fromId > input.toId
          ? [input.toId, input.fromId]
          : [input.fromId, input.toId];
      return db.transaction().execute(async (trx) => {
        const found = await existingStakeholderIds(trx, [fromId, toId]);
        const missing = (['fromId', 'toId'] as const).filter((field) => !found.has(input[field]));
        if (missing.length > 0) {
          throw fieldErrors(
            'rule_broken',
            missing.map((path) => ({ path, message: 'no stakeholder with this id' })),
          );
        }
        if (await findSameLink(trx, fromId, toId, input.type)) {
          throw new AppError('already_exists', 'These stakeholders are linked this way already', [
            { path: 'type', message: 'link exists' },
          ]);
        }
        const row = {
          id: newId(),
          from_id: fromId,
          to_id: toId,
          type: input.type,
          note: input.note,
          created_at: now(),
        };
        await insertLink(trx, row);
        const link = toLink(row);
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'create',
          entity: 'stakeholder_link',
          entityId: row.id,
          before: null,
          after: link,
        });
        return link;
      });
    },

    async remove(actor: Actor | null, id: string): Promise<void> {
      const signedIn = requirePermission(actor, 'stakeholders.write');
      await db.transaction().execute(async (trx) => {
        const row = await findLink(trx, id);
        if (!row) throw new AppError('not_found', `No stakeholder link with id ${id}`);
        await deleteLink(trx, id);
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'delete',
          entity: 'stakeholder_link',
          entityId: id,
          before: toLink(row),
          after: null,
        });
      });
    },

    async networkOfStakeholder(actor: Actor | null, id: string, query: NetworkQuery): Promise<Network> {
      requirePermission(actor, 'stakeholders.read');
      const network = await this.network([id], query);
      if (network.nodes.length === 0) throw new AppError('not_found', `No stakeholder with id ${id}`);
      return network;
    },

    async networkOfGroup(actor: Actor | null, groupId: string, query: NetworkQuery): Promise<Network> {
      requirePermission(actor, 'stakeholders.read');
      if (!(await findGroupById(db, groupId)))
        throw new AppError('not_found', `No stakeholder group with id ${groupId}`);
      return this.network(await memberIdsOf(db, groupId, MAX_NODES), query);
    },

    /** The stakeholders within `depth` links of the starting ones, one query per level. */
    async network(startIds: string[], query: NetworkQuery): Promise<Network> {
      const depthOf = new Map(startIds.map((id) => [id, 0]));
      const links = new Map<string, StakeholderLink>();
      let frontier = startIds;
      for (let depth = 1; depth <= query.depth && frontier.length > 0 && depthOf.size < MAX_NODES; depth++) {
        const next: string[] = [];
        for (const link of await linksTouching(db, frontier, query.type)) {
          links.set(link.id, link);
          for (const id of [link.fromId, link.toId]) {
            if (!depthOf.has(id) && depthOf.size < MAX_NODES) {
              depthOf.set(id, depth);
              next.push(id);
            }
          }
        }
        frontier = next;
      }
      const nodes = await nodesOf(db, [...depthOf.keys()]);
      return {
        nodes: nodes.map((node) => ({ ...node, depth: depthOf.get(node.id) ?? 0 })),
        links: [...links.values()].filter((link) => depthOf.has(link.fromId) && depthOf.has(link.toId)),
      };
    },
  };
}

export type LinkService = ReturnType<typeof createLinkService>;
