import fs from 'node:fs';
import { ReportKind, ReportQuery } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { createServices } from '../../services.js';
import type { Actor } from '../auth/actor.js';
import { findUserByEmail } from '../users/user.repository.js';
import { createReportService } from './report.service.js';

export interface ReportCommandOptions {
  out: string;
  lang?: string;
  from?: string;
  to?: string;
  review?: string;
  as?: string;
}

/** The reader of a report made from the command line: `--as`, or else the first administrator (as `import`). */
async function readerOf(db: Kysely<DB>, email: string | undefined): Promise<Actor> {
  const row = email
    ? await findUserByEmail(db, email)
    : await db
        .selectFrom('users')
        .selectAll()
        .where('role', '=', 'administrator')
        .where('deactivated_at', 'is', null)
        .orderBy('created_at')
        .executeTakeFirst();
  if (!row) throw new Error(email ? `No user ${email}` : 'Create an administrator first');
  if (row.deactivated_at !== null) throw new Error(`${email} is deactivated`);
  return { id: row.id, name: row.name, role: row.role as Actor['role'], via: 'token' };
}

/**
 * `rapport report <kind> --out FILE.pdf`: the same report as `GET /api/v1/reports/{kind}.pdf`, through the same
 * service and checks, written to a file. Returns the line to print.
 */
export async function writeReportFile(db: Kysely<DB>, kind: string, options: ReportCommandOptions) {
  const parsedKind = ReportKind.safeParse(kind);
  if (!parsedKind.success) throw new Error(`The report is one of ${ReportKind.options.join(', ')}`);
  const query = ReportQuery.safeParse({
    lang: options.lang,
    from: options.from,
    to: options.to,
    reviewId: options.review,
  });
  if (!query.success)
    throw new Error(
      query.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'),
    );
  const reports = createReportService(createServices(db, { sessionDays: 1 }));
  try {
    const { pdf } = await reports.pdf(await readerOf(db, options.as), parsedKind.data, query.data);
    fs.writeFileSync(options.out, pdf);
    return `Wrote ${options.out} (${Math.ceil(pdf.length / 1024)} kB)`;
  } catch (error) {
    // Field errors name the query parameters; on the command line they are options.
    const fields = (error as { errors?: { path: string; message: string }[] }).errors;
    if (!fields?.length) throw error;
    const option = (path: string) => (path === 'reviewId' ? '--review' : `--${path}`);
    throw new Error(fields.map((field) => `${option(field.path)}: ${field.message}`).join('\n'));
  }
}
