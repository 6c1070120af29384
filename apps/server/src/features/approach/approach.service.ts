import type { ApproachOverview } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { now } from '../../shared/time.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { acknowledgementOf, listMaterialRows, reachOf } from '../materials/material.repository.js';
import type { ModelService } from '../models/model.service.js';
import {
  activeMaterials,
  agreementState,
  analysisState,
  approachReviewState,
} from './approach.repository.js';

/** The approach is reviewed at least once a year (guide §3.2.1, activity 5). */
const APPROACH_REVIEW_DAYS = 365;

const addDaysTo = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function createApproachService(db: Kysely<DB>, models: ModelService) {
  return {
    /** The five activities of managing a common approach, each with its records, their state and what is due. */
    async overview(actor: Actor | null): Promise<ApproachOverview> {
      const signedIn = requirePermission(actor, 'approach.read');
      const today = now().slice(0, 10);

      const { groups: _groups, ...coverage } = await models.coverage(signedIn);
      const materials = await activeMaterials(db);
      const reach = await reachOf(
        db,
        materials.map((material) => material.id),
        signedIn.id,
      );
      let expectedReads = 0;
      let acknowledged = 0;
      for (const material of materials) {
        const counts = acknowledgementOf(material.id, material.audience, reach);
        expectedReads += counts.audience;
        acknowledged += counts.acknowledged;
      }
      const pending = await listMaterialRows(
        db,
        { archived: 'false', pendingForMe: true, sort: 'title', limit: 10 },
        signedIn,
      );

      const reviews = await approachReviewState(db);
      const nextDueOn = reviews.lastHeldOn ? addDaysTo(reviews.lastHeldOn, APPROACH_REVIEW_DAYS) : today;
      return {
        analyse: await analysisState(db),
        principles: await agreementState(db, 'principles', today),
        models: { ...(await agreementState(db, 'relationship_models', today)), coverage },
        embed: {
          materials: materials.length,
          expectedReads,
          acknowledged,
          pendingForMe: pending.data.map(({ id, title }) => ({ id, title })),
        },
        review: { ...reviews, nextDueOn, overdue: nextDueOn < today },
      };
    },
  };
}

export type ApproachService = ReturnType<typeof createApproachService>;
