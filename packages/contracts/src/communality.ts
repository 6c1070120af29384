import { z } from 'zod';

const Scale = z.number().int().min(1, 'from 1 to 5').max(5, 'from 1 to 5');

/**
 * The five exchange–communal dimensions of guide §2.2.1.2, each 1 (the first pole: control, exchange,
 * protective, process, isolation) to 5 (the second: trust, communal, self-disclosing, experimental, sharing).
 */
export const communalityDimensions = [
  'controlTrust',
  'exchangeCommunal',
  'protectiveDisclosing',
  'processExperimental',
  'isolationSharing',
] as const;
export type CommunalityDimension = (typeof communalityDimensions)[number];

export const Communality = z.strictObject({
  controlTrust: Scale,
  exchangeCommunal: Scale,
  protectiveDisclosing: Scale,
  processExperimental: Scale,
  isolationSharing: Scale,
});
export type Communality = z.infer<typeof Communality>;

/** Haytko's interpersonal relationship types (guide table 2.1). */
export const interpersonalTypes = ['strictly_business', 'business_friends', 'personal_friends'] as const;
export const InterpersonalType = z.enum(interpersonalTypes);
export type InterpersonalType = z.infer<typeof InterpersonalType>;

/** Service relationship types between organisations (guide table 2.2). */
export const serviceRelationshipTypes = ['basic', 'cooperative', 'partnership'] as const;

/** A model is either for organisations (table 2.2) or for people (table 2.1). */
export const relationshipTypes = [...serviceRelationshipTypes, ...interpersonalTypes] as const;
export const RelationshipType = z.enum(relationshipTypes);
export type RelationshipType = z.infer<typeof RelationshipType>;

/** The four toxic behaviours of guide §2.2.2 (Gottman's four horsemen). */
export const toxicBehaviours = ['criticism', 'defensiveness', 'contempt', 'stonewalling'] as const;
export const ToxicBehaviour = z.enum(toxicBehaviours);
export type ToxicBehaviour = z.infer<typeof ToxicBehaviour>;
