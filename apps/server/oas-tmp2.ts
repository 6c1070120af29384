import { buildApp } from './src/app.ts';
import { loadConfig } from './src/config.ts';
import { openDatabase } from './src/db/database.ts';
const db = openDatabase('sqlite::memory:');
const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', RAPPORT_WEB_DIST: '/nonexistent' }), db);
await app.ready();
try { app.swagger(); } catch (e) { console.error(e); }
await app.close(); await db.close();
