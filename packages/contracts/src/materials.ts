import { z } from 'zod';
import { Role } from './enums.js';
import { Id, IsoDateTime, LongText, Name, PageQuery, QueryBoolean, text, Version } from './limits.js';

/** Training and awareness materials: how "embed effective behaviour patterns" becomes measurable. */
export const materialKinds = ['link', 'markdown'] as const;
export const MaterialKind = z.enum(materialKinds);

const WebUrl = text()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: 'an http or https address' }));

export const Material = z.object({
  id: Id,
  title: z.string(),
  kind: MaterialKind,
  url: z.string().nullable(),
  body: z.string().describe('Markdown'),
  principleId: Id.nullable(),
  modelId: Id.nullable(),
  audience: z.array(Role).describe('the roles expected to read it'),
  revision: z.number().int().describe('grows when the text or link changes; readers acknowledge a revision'),
  acknowledgement: z.object({
    audience: z.number().int().describe('active users in the audience roles'),
    acknowledged: z.number().int().describe('of them, those who acknowledged the current revision'),
  }),
  acknowledgedByMe: z.boolean().describe('the signed-in user acknowledged the current revision'),
  createdBy: Id.nullable(),
  archivedAt: IsoDateTime.nullable(),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Material = z.infer<typeof Material>;

const Audience = z.array(Role).min(1, 'at least one role').max(5);

export const MaterialCreate = z.strictObject({
  title: Name,
  kind: MaterialKind,
  url: WebUrl.nullable().default(null),
  body: LongText.default(''),
  principleId: Id.nullable().default(null),
  modelId: Id.nullable().default(null),
  audience: Audience.default(['relationship_manager', 'relationship_agent']),
});
export type MaterialCreate = z.infer<typeof MaterialCreate>;

export const MaterialPatch = z.strictObject({
  title: Name.optional(),
  kind: MaterialKind.optional(),
  url: WebUrl.nullable().optional(),
  body: LongText.optional(),
  principleId: Id.nullable().optional(),
  modelId: Id.nullable().optional(),
  audience: Audience.optional(),
  version: Version.optional(),
});
export type MaterialPatch = z.infer<typeof MaterialPatch>;

export const MaterialListQuery = z.strictObject({
  q: text().max(200).optional(),
  principleId: Id.optional(),
  modelId: Id.optional(),
  pendingForMe: QueryBoolean.optional().describe(
    'true: only materials the signed-in user is expected to read and has not acknowledged',
  ),
  archived: z.enum(['false', 'true', 'only']).default('false'),
  sort: z.enum(['title', '-title', 'updatedAt', '-updatedAt']).default('title'),
  ...PageQuery,
});
export type MaterialListQuery = z.infer<typeof MaterialListQuery>;

export const AcknowledgementCreate = z.strictObject({
  revision: z
    .number()
    .int()
    .min(1)
    .describe('the revision read; if it is no longer current the answer is 409'),
});

export const Acknowledgement = z.object({
  materialId: Id,
  userId: Id,
  revision: z.number().int(),
  acknowledgedAt: IsoDateTime,
});

export const MaterialReaders = z.object({
  revision: z.number().int(),
  acknowledged: z.array(
    z.object({
      userId: Id,
      name: z.string(),
      role: Role,
      inAudience: z.boolean().describe('false for a reader outside the audience roles, who is not counted'),
      revision: z.number().int(),
      acknowledgedAt: IsoDateTime,
    }),
  ),
  pending: z.array(
    z.object({
      userId: Id,
      name: z.string(),
      role: Role,
      acknowledgedRevision: z.number().int().nullable().describe('an older revision they did read'),
    }),
  ),
});
export type MaterialReaders = z.infer<typeof MaterialReaders>;
