import type { Stakeholder, StakeholderListQuery } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import Papa from 'papaparse';
import type { DB } from '../../db/schema.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { listStakeholders } from '../stakeholders/stakeholder.repository.js';

const columns = [
  'id',
  'externalRef',
  'name',
  'kind',
  'category',
  'scope',
  'parentId',
  'influence',
  'interest',
  'quadrant',
  'power',
  'legitimacy',
  'urgency',
  'salience',
  'engagementCurrent',
  'engagementDesired',
  'engagementGap',
  'targetInfluence',
  'targetInterest',
  'ownerId',
  'emails',
  'phones',
  'tags',
  'notes',
  'lastAssessedAt',
  'archivedAt',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof Stakeholder)[];

const PAGE = 1000;

const cellsOf = (s: Stakeholder) =>
  columns.map((column) => {
    const value = s[column];
    if (Array.isArray(value)) return value.join('; ');
    return value ?? '';
  });

/**
 * The filtered list as CSV, a page at a time so memory stays flat for any size. A UTF-8 BOM lets
 * spreadsheets read Chinese; cells starting with = + - @ are escaped so a spreadsheet never runs them.
 */
export function createExportService(db: Kysely<DB>) {
  return {
    async *stakeholdersCsv(
      actor: Actor | null,
      query: Omit<StakeholderListQuery, 'limit' | 'cursor'>,
    ): AsyncGenerator<string> {
      requirePermission(actor, 'stakeholders.read');
      yield `\uFEFF${Papa.unparse([[...columns]])}\r\n`;
      let cursor: string | undefined;
      do {
        const page = await listStakeholders(db, { ...query, limit: PAGE, cursor, count: false });
        if (page.data.length > 0) {
          yield `${Papa.unparse(page.data.map(cellsOf), { escapeFormulae: true, newline: '\r\n' })}\r\n`;
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
