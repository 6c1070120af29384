/**
 * The bare handler of `npm run bench`: the list endpoint's repository call, with the same parsed query, behind
 * a Fastify route with no authentication, no validation and no response schema. Its throughput is the
 * ceiling the real endpoint is compared with.
 */
import type { StakeholderListQuery } from '@rapport/contracts';
import Fastify from 'fastify';
import { openDatabase } from '../src/db/database.js';
import { listStakeholders } from '../src/features/stakeholders/stakeholder.repository.js';

const database = openDatabase(process.env.DATABASE_URL as string);
const app = Fastify();
app.get('/bare/stakeholders', async (request, reply) => {
  const { cursor } = request.query as { cursor?: string };
  const query: StakeholderListQuery = {
    category: ['customer', 'supplier', 'partner'],
    sort: '-influence',
    archived: 'false',
    limit: 50,
    cursor,
  };
  return reply.type('application/json').send(JSON.stringify(await listStakeholders(database.db, query)));
});
const url = await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log(`bare ${url}`);
