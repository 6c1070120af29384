/**
 * Which tables the organisation export leaves out, and why. Everything else the catalog lists is exported, so
 * tables added by later migrations are included unless named here (or named like a credential store).
 * Credentials that are kept, on purpose: users' password hashes (so people sign in to the imported instance as
 * before; the file is as sensitive as a backup) and survey invitations' token digests (so links already sent keep
 * working; a digest of a 256-bit secret opens nothing).
 */
export const LEFT_OUT_TABLES: Record<string, string> = {
  sessions: 'sign-in sessions: everyone signs in again',
  api_tokens: 'API tokens are credentials: their owners create new ones',
  calendar_feeds: 'calendar feed links hold a token digest: their owners make a new link',
  jobs: "this instance's background job queue",
  scheduled_runs: 'which periodic task ran when on this instance',
  notifications: 'messages generated for users: the due scan writes current ones again',
  webhooks: 'webhook subscriptions carry their signing secret: an administrator adds them again',
  webhook_deliveries: "this instance's webhook delivery queue and log",
  webhook_attempts: "this instance's webhook delivery log",
};

/** Names that are credentials or per-instance state whatever feature adds them (calendar feed tokens, say). */
const LEFT_OUT_PATTERN = /(^|_)(sessions|tokens|secrets)$|^calendar_feed/;

export const isOrganisationTable = (name: string): boolean =>
  !(name in LEFT_OUT_TABLES) && !LEFT_OUT_PATTERN.test(name);
