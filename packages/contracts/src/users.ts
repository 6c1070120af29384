import { z } from 'zod';
import { Competency, Locale, Role } from './enums.js';
import { Email, Id, IsoDateTime, Name, PageQuery, QueryBoolean, text, Version } from './limits.js';

/**
 * OWASP ASVS 4 §2.1: 12 to 128 characters, counted as Unicode code points (an emoji or a CJK character is
 * one), no composition rules and no truncation. The server also refuses common and breached passwords
 * (PASSWORD_COMMON, PASSWORD_GUESSABLE); existing passwords keep working at sign-in (SignIn is not checked).
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const PASSWORD_COMMON = 'is a common or breached password; choose another';
export const PASSWORD_GUESSABLE = 'is too easy to guess; a few unrelated words make a strong one';
export const Password = text().superRefine((value, ctx) => {
  const length = [...value].length;
  if (length < PASSWORD_MIN)
    ctx.addIssue({
      code: 'too_small',
      origin: 'string',
      minimum: PASSWORD_MIN,
      inclusive: true,
      input: value,
      message: `at least ${PASSWORD_MIN} characters`,
    });
  if (length > PASSWORD_MAX)
    ctx.addIssue({
      code: 'too_big',
      origin: 'string',
      maximum: PASSWORD_MAX,
      inclusive: true,
      input: value,
      message: `at most ${PASSWORD_MAX} characters`,
    });
});

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
  /** With a new password: also revoke all the user's API tokens (default false). */
  revokeTokens: z.boolean().optional(),
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

/**
 * The signed-in user changes only their own name, language and password. A new password signs out their
 * other sessions; their API tokens keep working unless `revokeTokens` is true (default false: scripts and
 * integrations are not broken by a routine change, and a suspected leak is one tick away).
 */
export const MePatch = z.strictObject({
  name: Name.optional(),
  locale: Locale.optional(),
  password: Password.optional(),
  currentPassword: text()
    .max(2 * PASSWORD_MAX)
    .optional(),
  revokeTokens: z.boolean().optional(),
});
export type MePatch = z.infer<typeof MePatch>;

export const SignIn = z.strictObject({
  email: Email,
  // 128 code points may take 256 UTF-16 units; older passwords were at most 200.
  password: text()
    .min(1)
    .max(2 * PASSWORD_MAX),
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
