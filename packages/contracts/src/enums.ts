import { z } from 'zod';

export const roles = [
  'administrator',
  'relationship_manager',
  'relationship_agent',
  'contributor',
  'viewer',
] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** Competency codes of the practice guide, table 4.1. */
export const competencies = ['L', 'A', 'C', 'M', 'T'] as const;
export const Competency = z.enum(competencies);
export type Competency = z.infer<typeof Competency>;

export const locales = ['en', 'zh-CN'] as const;
export const Locale = z.enum(locales);
export type Locale = z.infer<typeof Locale>;

export const stakeholderKinds = ['person', 'team', 'organisation', 'group'] as const;
export const StakeholderKind = z.enum(stakeholderKinds);

export const stakeholderCategories = [
  'internal_team',
  'team_member',
  'manager',
  'executive',
  'auditor',
  'shareholder',
  'customer',
  'user',
  'sponsor',
  'investor',
  'regulator',
  'competitor',
  'partner',
  'supplier',
  'social_group',
  'community',
  'professional_community',
  'media',
  'other',
] as const;
export const StakeholderCategory = z.enum(stakeholderCategories);
export type StakeholderCategory = z.infer<typeof StakeholderCategory>;

export const scopes = ['internal', 'external'] as const;
export const Scope = z.enum(scopes);

export const quadrants = ['manage_closely', 'keep_satisfied', 'keep_informed', 'monitor'] as const;
export const Quadrant = z.enum(quadrants);
export type Quadrant = z.infer<typeof Quadrant>;

/** Mitchell, Agle & Wood salience classes; `none` when no attribute is held. */
export const salienceClasses = [
  'none',
  'dormant',
  'discretionary',
  'demanding',
  'dominant',
  'dangerous',
  'dependent',
  'definitive',
] as const;
export const SalienceClass = z.enum(salienceClasses);
export type SalienceClass = z.infer<typeof SalienceClass>;

/** Ordered from least to most engaged (PMBOK engagement assessment matrix). */
export const engagementLevels = ['unaware', 'resistant', 'neutral', 'supportive', 'leading'] as const;
export const EngagementLevel = z.enum(engagementLevels);
export type EngagementLevel = z.infer<typeof EngagementLevel>;
