import nodemailer, { type Transporter } from 'nodemailer';
import type { JobContext } from '../jobs/jobs.js';
import { emails } from '../operations/metrics.js';
import { renderEmail } from './notification.templates.js';

const transports = new Map<string, Transporter>();

/** One transport per SMTP URL, reused; short timeouts so an unreachable server fails the job, not a request. */
function transportOf(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as Parameters<typeof nodemailer.createTransport>[0]);
    transports.set(url, transport);
  }
  return transport;
}

/**
 * Sends one e-mail with the notifications named (one, or a day's digest) that still wait for it, in the
 * recipient's language. A failure is kept on the notifications and thrown, so the job is retried with
 * backoff; on the job's last attempt they are marked `failed`.
 */
export async function sendNotificationEmails(
  context: JobContext,
  payload: { userId: string; notificationIds: string[] },
): Promise<void> {
  const { db } = context;
  if (payload.notificationIds.length === 0) return;
  const user = await db
    .selectFrom('users')
    .select(['email', 'name', 'locale', 'deactivated_at'])
    .where('id', '=', payload.userId)
    .executeTakeFirst();
  const pending = await db
    .selectFrom('notifications')
    .select(['id', 'title', 'body', 'link'])
    .where('id', 'in', payload.notificationIds)
    .where('user_id', '=', payload.userId)
    .where('email_status', 'in', ['queued', 'digest', 'failed'])
    .orderBy('id')
    .execute();
  const ids = pending.map((row) => row.id);
  if (ids.length === 0) return;
  if (!user || user.deactivated_at !== null) {
    await db.updateTable('notifications').set({ email_status: null }).where('id', 'in', ids).execute();
    return;
  }
  try {
    const smtpUrl = context.config?.smtpUrl;
    if (!smtpUrl) throw new Error('No SMTP server is configured (RAPPORT_SMTP_URL)');
    const mail = renderEmail(user.locale, pending, context.config?.publicUrl ?? '');
    await transportOf(smtpUrl).sendMail({
      from: context.config?.mailFrom,
      to: { name: user.name, address: user.email },
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  } catch (error) {
    emails.inc({ outcome: 'failed' });
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    await db
      .updateTable('notifications')
      .set({ email_error: message, email_status: context.lastAttempt ? 'failed' : 'queued' })
      .where('id', 'in', ids)
      .execute();
    throw error;
  }
  emails.inc({ outcome: 'sent' });
  await db
    .updateTable('notifications')
    .set({ email_status: 'sent', emailed_at: new Date().toISOString(), email_error: null })
    .where('id', 'in', ids)
    .execute();
}
