import type { Role, Stakeholder, StakeholderCreate, User } from '@rapport/contracts';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { type Config, loadConfig } from '../src/config.js';
import type { Dialect } from '../src/db/database.js';
import type { DB } from '../src/db/schema.js';
import { createUserService } from '../src/features/users/user.service.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

/** The origin the harness's requests come from; the harness lists it in RAPPORT_ORIGINS. */
export const ORIGIN = 'http://localhost:80';
export const PASSWORD = 'correct-horse-battery';

export interface Harness {
  app: FastifyInstance;
  test: TestDatabase;
  admin: Session;
  /** A signed-in user of the role, created through the service. */
  userWith(role: Role, overrides?: { email?: string; name?: string }): Promise<Session>;
  signIn(email: string, password?: string): Promise<Session>;
  count(table: keyof DB): Promise<number>;
  close(): Promise<void>;
}

export interface Session {
  user: User;
  cookie: string;
  /** Sends a request as this user from Rapport's own origin. */
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  createStakeholder(body?: Partial<StakeholderCreate>): Promise<Stakeholder>;
}

let counter = 0;

export async function createHarness(
  dialect: Dialect,
  configOverrides: Partial<Record<string, string>> = {},
): Promise<Harness> {
  const test = await createTestDatabase(dialect);
  const config: Config = loadConfig({
    LOG_LEVEL: 'silent',
    RAPPORT_SIGNIN_LIMIT: '10000',
    RAPPORT_WEB_DIST: '/nonexistent',
    // The Origin check compares with the configured origins, never with the Host header.
    RAPPORT_ORIGINS: ORIGIN,
    ...configOverrides,
  });
  const app = await buildApp(config, test.database);
  const users = createUserService(test.database.db);

  async function signIn(email: string, password = PASSWORD): Promise<Session> {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { origin: ORIGIN, host: 'localhost:80' },
      payload: { email, password },
    });
    if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'rapport_session');
    if (!cookie) throw new Error('no session cookie');
    const header = `rapport_session=${cookie.value}`;
    const session: Session = {
      user: response.json().user,
      cookie: header,
      request: (options) =>
        app.inject({
          ...options,
          headers: { origin: ORIGIN, host: 'localhost:80', cookie: header, ...options.headers },
        }),
      async createStakeholder(body = {}) {
        counter += 1;
        const created = await session.request({
          method: 'POST',
          url: '/api/v1/stakeholders',
          payload: {
            name: `Stakeholder ${counter}`,
            category: 'customer',
            influence: 3,
            interest: 3,
            ...body,
          },
        });
        if (created.statusCode !== 201) throw new Error(`create failed: ${created.body}`);
        return created.json();
      },
    };
    return session;
  }

  await users.createFirstAdmin({ email: 'admin@example.com', name: 'Ada Admin', password: PASSWORD });
  const admin = await signIn('admin@example.com');

  return {
    app,
    test,
    admin,
    signIn,
    async userWith(role, overrides = {}) {
      counter += 1;
      const email = overrides.email ?? `${role}.${counter}@example.com`;
      await users.createAsSystem({
        email,
        name: overrides.name ?? `${role} ${counter}`,
        role,
        password: PASSWORD,
      });
      return signIn(email);
    },
    async count(table) {
      const row = await test.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async close() {
      await app.close();
      await test.drop();
    },
  };
}
