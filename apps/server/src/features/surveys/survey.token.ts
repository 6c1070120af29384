import { createHash, randomBytes } from 'node:crypto';

/** A survey link's secret: 32 random bytes (256 bits), base64url. Only its digest is stored. */
export const newSurveyToken = (): string => randomBytes(32).toString('base64url');

export const hashSurveyToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const surveyLink = (publicUrl: string, token: string): string => `${publicUrl}/s/${token}`;
