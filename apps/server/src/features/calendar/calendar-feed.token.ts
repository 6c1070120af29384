import { createHash, randomBytes } from 'node:crypto';

/** A feed's secret: 32 random bytes (256 bits), base64url, so it is safe in a URL path. Only its digest is kept. */
export const newFeedToken = (): string => randomBytes(32).toString('base64url');

export const hashFeedToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The address a calendar subscribes to; `.ics` because some calendar apps look at the extension. */
export const feedUrl = (publicUrl: string, token: string): string =>
  `${publicUrl}/api/v1/calendar/${token}.ics`;
