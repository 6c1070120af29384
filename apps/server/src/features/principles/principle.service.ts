import type {
  Principle,
  PrincipleCreate,
  PrincipleListQuery,
  PrinciplePatch,
  PrincipleSummary,
  PrincipleVersion,
} from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { AgreedDocumentsTable, DB } from '../../db/schema.js';
import { fromJson } from '../../shared/json.js';
import { versionSummaryOf } from '../agreement/agreement.repository.js';
import { agreedDocuments, headFields } from '../agreement/agreement.service.js';
import type { Actor } from '../auth/actor.js';

interface PrincipleContent {
  body: string;
}

const bodyOf = (version: { content: string }) =>
  (fromJson<PrincipleContent>(version.content) as PrincipleContent).body;

const summaryOf = (head: AgreedDocumentsTable): PrincipleSummary => ({
  ...headFields(head),
  title: head.title,
});

export function createPrincipleService(db: Kysely<DB>) {
  const documents = agreedDocuments<PrincipleContent, Principle>(db, {
    tables: { head: 'principles', versions: 'principle_versions' },
    entity: 'principle',
    label: 'principle',
    summaryOf: () => ({}),
    present: async (_db, { head, latest }) => ({
      ...headFields(head),
      title: latest.title,
      body: bodyOf(latest),
    }),
  });

  return {
    ...documents,

    async list(actor: Actor | null, query: PrincipleListQuery) {
      const page = await documents.list(actor, query);
      return { ...page, data: page.data.map(summaryOf) };
    },

    create: (actor: Actor | null, input: PrincipleCreate) =>
      documents.create(actor, {
        title: input.title,
        content: { body: input.body },
        nextReviewOn: input.nextReviewOn,
      }),

    async update(actor: Actor | null, id: string, version: number, patch: PrinciplePatch) {
      const latest = patch.body === undefined ? undefined : { body: patch.body };
      return documents.update(actor, id, version, {
        title: patch.title,
        content: latest,
        nextReviewOn: patch.nextReviewOn,
        changeNote: patch.changeNote,
      });
    },

    async version(actor: Actor | null, id: string, number: number): Promise<PrincipleVersion> {
      const row = await documents.version(actor, id, number);
      return { ...versionSummaryOf(row), body: bodyOf(row) };
    },
  };
}

export type PrincipleService = ReturnType<typeof createPrincipleService>;
