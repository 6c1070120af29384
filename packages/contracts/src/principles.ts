import { z } from 'zod';
import { agreedDocumentFields, agreementListFilters, DocumentVersionSummary } from './agreement.js';
import { IsoDate, LongText, Name, ShortText, Version } from './limits.js';

export const Principle = z.object({
  ...agreedDocumentFields,
  title: z.string(),
  body: z.string().describe('Markdown'),
});
export type Principle = z.infer<typeof Principle>;

/** A list row: the principle without its text. */
export const PrincipleSummary = Principle.omit({ body: true });
export type PrincipleSummary = z.infer<typeof PrincipleSummary>;

export const PrincipleVersion = DocumentVersionSummary.extend({ body: z.string() });
export type PrincipleVersion = z.infer<typeof PrincipleVersion>;

export const PrincipleCreate = z.strictObject({
  title: Name,
  body: LongText.default(''),
  nextReviewOn: IsoDate.nullable().default(null),
});
export type PrincipleCreate = z.infer<typeof PrincipleCreate>;

export const PrinciplePatch = z.strictObject({
  title: Name.optional(),
  body: LongText.optional(),
  nextReviewOn: IsoDate.nullable().optional(),
  changeNote: ShortText.optional().describe('why this version differs from the one before'),
  version: Version.optional(),
});
export type PrinciplePatch = z.infer<typeof PrinciplePatch>;

export const PrincipleListQuery = z.strictObject(agreementListFilters);
export type PrincipleListQuery = z.infer<typeof PrincipleListQuery>;
