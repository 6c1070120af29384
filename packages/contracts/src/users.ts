import { z } from 'zod';
import { Competency, Locale, Role } from './enums.js';
import { Email, Id, IsoDateTime, Name, PageQuery, QueryBoolean, text, Version } from './limits.js';

export const Password = text().min(10, 'at least 10 characters').max(200);

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  locale: Locale,
  competencies: z.array(Competency),
  deactivatedAt: IsoDateTime.nullable(),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type User = z.infer<typeof User>;

const uniqueCompetencies = z
  .array(Competency)
  .max(5)
  .refine((list) => new Set(list).size === list.length, 'each competency once');

export const UserCreate = z.strictObject({
  email: Email,
  name: Name,
  role: Role,
  password: Password.optional(),
  locale: Locale.optional(),
  competencies: uniqueCompetencies.optional(),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserPatch = z.strictObject({
  name: Name.optional(),
  role: Role.optional(),
  password: Password.optional(),
  locale: Locale.optional(),
  competencies: uniqueCompetencies.optional(),
  deactivated: z.boolean().optional(),
  version: Version.optional(),
});
export type UserPatch = z.infer<typeof UserPatch>;

export const UserListQuery = z.strictObject({
  q: text().max(200).optional(),
  role: Role.optional(),
  deactivated: QueryBoolean.optional(),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt']).default('name'),
  ...PageQuery,
});
export type UserListQuery = z.infer<typeof UserListQuery>;

/** The signed-in user changes only their own name, language and password. */
export const MePatch = z.strictObject({
  name: Name.optional(),
  locale: Locale.optional(),
  password: Password.optional(),
  currentPassword: text().max(200).optional(),
});
export type MePatch = z.infer<typeof MePatch>;

export const SignIn = z.strictObject({
  email: Email,
  password: text().min(1).max(200),
});

export const FirstAdmin = z.strictObject({
  email: Email,
  name: Name,
  password: Password,
  locale: Locale.optional(),
});
export type FirstAdmin = z.infer<typeof FirstAdmin>;

export const SetupState = z.object({ needsFirstAdmin: z.boolean() });

export const TokenCreate = z.strictObject({ name: Name });
export const Token = z.object({
  id: Id,
  name: z.string(),
  createdAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
});
export const TokenCreated = Token.extend({ token: z.string() });
