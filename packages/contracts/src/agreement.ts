import { z } from 'zod';
import {
  Id,
  IsoDate,
  IsoDateTime,
  limits,
  PageQuery,
  QueryBoolean,
  ShortText,
  text,
  Version,
} from './limits.js';

/**
 * Principles and relationship models are agreed documents (guide §3.2.1): each edit of an agreed version
 * starts a new draft version, and an agreed version is frozen for good.
 */
export const agreementStatuses = ['draft', 'proposed', 'agreed', 'retired'] as const;
export const AgreementStatus = z.enum(agreementStatuses);
export type AgreementStatus = z.infer<typeof AgreementStatus>;

/** What every agreed document carries besides its content. */
export const agreedDocumentFields = {
  id: Id,
  status: AgreementStatus.describe('the state of the newest version; `retired` once the document is retired'),
  currentVersion: z.number().int().describe('the newest version number'),
  agreedVersion: z
    .number()
    .int()
    .nullable()
    .describe('the version in force (agreed and not retired), if any'),
  agreedAt: IsoDateTime.nullable(),
  agreedBy: Id.nullable(),
  nextReviewOn: IsoDate.nullable(),
  createdBy: Id.nullable(),
  archivedAt: IsoDateTime.nullable(),
  version: Version.describe('the record version for If-Match, which grows with every change'),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
};

/** One version of a document, without its content. */
export const DocumentVersionSummary = z.object({
  number: z.number().int(),
  status: AgreementStatus,
  title: z.string(),
  changeNote: z.string(),
  createdBy: Id.nullable(),
  createdAt: IsoDateTime,
  proposedBy: Id.nullable(),
  proposedAt: IsoDateTime.nullable(),
  agreedBy: Id.nullable(),
  agreedAt: IsoDateTime.nullable(),
  agreementNote: z.string(),
  retiredAt: IsoDateTime.nullable(),
  retirementNote: z.string().describe('why the document was retired, on the version that was in force'),
});
export type DocumentVersionSummary = z.infer<typeof DocumentVersionSummary>;

export const DocumentVersionList = z.object({
  data: z.array(DocumentVersionSummary),
  nextCursor: z.null().describe('every version is on the one page'),
});

export const VersionNumberParams = z.strictObject({
  id: Id,
  number: z.coerce.number().int().min(1).max(limits.integer),
});

/** Body of propose, withdraw, agree and retire: the record version (or If-Match) and a note. */
export const AgreementStep = z
  .strictObject({
    version: Version.optional(),
    note: ShortText.default(''),
  })
  .nullish();
export type AgreementStep = z.infer<typeof AgreementStep>;

export const agreementSorts = [
  'title',
  '-title',
  'updatedAt',
  '-updatedAt',
  'nextReviewOn',
  '-nextReviewOn',
] as const;

export const agreementListFilters = {
  q: text().max(200).optional(),
  status: AgreementStatus.optional(),
  inForce: QueryBoolean.optional().describe(
    'true: only documents with an agreed version in force; false: only those without one',
  ),
  reviewDue: QueryBoolean.optional().describe(
    'true: only documents in force whose next review date has come',
  ),
  archived: z.enum(['false', 'true', 'only']).default('false'),
  sort: z.enum(agreementSorts).default('title'),
  ...PageQuery,
};
