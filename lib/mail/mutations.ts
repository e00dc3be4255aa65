import 'server-only';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { after } from 'next/server';
import { type Executor, getDb } from '@/db';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/config';
import { mailOutbox } from './schema';
import { type TemplateData, type TemplateName, renderMail } from './templates';
import { getTransport, mailSender } from './transport';

/** Delivery attempts before a mail is marked failed. */
export const MAX_ATTEMPTS = 5;
/** How long a claimed row belongs to the instance that claimed it; then it is presumed crashed. */
const LEASE_MINUTES = 10;
/** Stop starting new sends in a batch after this long, well inside the lease. */
const BATCH_BUDGET_MS = 4 * 60_000;

/** Wait before retry n (1-based): 1, 4, 16, 64 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return 60 * 4 ** Math.max(0, attempts - 1);
}

// One address, no display name, no list: the address comes from an account, and a comma or a
// line break in it must never add recipients or headers.
const SINGLE_ADDRESS = /^[^\s@,;<>"()]+@[^\s@,;<>"()]+$/;

export type EnqueueMailInput<K extends TemplateName> = {
  to: string;
  locale: Locale;
  template: K;
  data: TemplateData<K>;
  /** Makes the call idempotent: a second mail with the same key is not written. */
  dedupeKey?: string;
  userId?: number;
};

/**
 * Renders a template and writes it to the outbox, inside the caller's transaction when given one,
 * so the mail exists exactly when the change that caused it commits. Status is 'queued' when a
 * transport is configured, else 'held' (kept for admins at /admin/mail). With a `dedupeKey` that is
 * already in the outbox nothing is written and the existing id comes back with `duplicate: true`.
 * Delivery is separate: call `sendMailSoon()` after the transaction commits.
 * Throws on an invalid address or a template link that is not http(s) (caller bugs).
 */
export async function enqueueMail<K extends TemplateName>(
  executor: Executor,
  input: EnqueueMailInput<K>,
): Promise<{ id: number; duplicate: boolean }> {
  const to = input.to.trim();
  if (!SINGLE_ADDRESS.test(to)) throw new Error(`enqueueMail: not a single email address: ${JSON.stringify(to)}`);
  const rendered = renderMail(input.template, input.data, input.locale);
  const transport = getTransport();
  const [row] = await executor
    .insert(mailOutbox)
    .values({
      toAddress: to,
      locale: input.locale,
      template: input.template,
      ...rendered,
      status: transport ? 'queued' : 'held',
      dedupeKey: input.dedupeKey ?? null,
      userId: input.userId ?? null,
    })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  if (!row) {
    // The conflict waited for the other writer to commit, so its row is visible to this statement.
    const [existing] = await executor
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(eq(mailOutbox.dedupeKey, input.dedupeKey!));
    if (!existing) throw new Error(`enqueueMail: dedupe key ${input.dedupeKey} conflicted but no row was found`);
    return { id: existing.id, duplicate: true };
  }
  if (!transport && env.NODE_ENV === 'development') {
    // Without SMTP a developer still needs the reset link: print what would have been sent.
    console.info(`[mail] held (no SMTP_URL) #${row.id} to ${to}: ${rendered.subject}\n\n${rendered.text}`);
  }
  return { id: row.id, duplicate: false };
}

type ClaimedMail = { id: number; to: string; subject: string; html: string; text: string; attempts: number };

/** Rows whose claim expired (the instance sending them died) go back to the queue, or fail. */
async function requeueAbandoned(db: Executor): Promise<void> {
  await db
    .update(mailOutbox)
    .set({
      status: sql`case when ${mailOutbox.attempts} >= ${MAX_ATTEMPTS} then 'failed'::mail_status else 'queued'::mail_status end`,
      lastError: 'delivery interrupted: no result within the lease',
      nextAttemptAt: sql`now()`,
    })
    .where(and(eq(mailOutbox.status, 'sending'), lte(mailOutbox.nextAttemptAt, sql`now()`)));
}

/**
 * Claims up to `limit` due rows in one statement. FOR UPDATE SKIP LOCKED lets several instances
 * claim at once without waiting for or taking each other's rows; the claim commits before any
 * network I/O, so no lock is held while talking to SMTP. The attempt is counted here, so a mail
 * that crashes its sender every time still reaches MAX_ATTEMPTS.
 */
async function claimDue(db: Executor, limit: number): Promise<ClaimedMail[]> {
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'queued'), lte(mailOutbox.nextAttemptAt, sql`now()`)))
    .orderBy(mailOutbox.id)
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(mailOutbox)
    .set({
      status: 'sending',
      attempts: sql`${mailOutbox.attempts} + 1`,
      nextAttemptAt: sql`now() + make_interval(mins => ${LEASE_MINUTES})`,
    })
    .where(inArray(mailOutbox.id, due))
    .returning({
      id: mailOutbox.id,
      to: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      html: mailOutbox.html,
      text: mailOutbox.text,
      attempts: mailOutbox.attempts,
    });
  // RETURNING has no order; send oldest first.
  return claimed.sort((a, b) => a.id - b.id);
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/**
 * Sends due mail from the outbox: claims up to `limit` queued rows whose time has come, sends each
 * through the transport, and marks it 'sent', or 'queued' again with exponential backoff
 * (`retryDelaySeconds`), or 'failed' after MAX_ATTEMPTS. Safe to run on several instances at once:
 * each row is claimed by one of them. Delivery is at-least-once: a crash between the SMTP server
 * accepting a mail and the 'sent' update sends it again after the lease. Returns how many sends
 * succeeded and how many failed in this run (whether or not they will be retried). A no-op without
 * a transport. Throws only on database errors.
 */
export async function deliverPendingMail({ limit = 20 }: { limit?: number } = {}): Promise<{
  sent: number;
  failed: number;
}> {
  const transport = getTransport();
  if (!transport) return { sent: 0, failed: 0 };
  const db = await getDb();
  await requeueAbandoned(db);
  const claimed = await claimDue(db, Math.max(1, Math.floor(limit)));
  const started = Date.now();
  let sent = 0;
  let failed = 0;
  for (const [index, mail] of claimed.entries()) {
    if (Date.now() - started > BATCH_BUDGET_MS) {
      // Out of time: hand the rest back untried rather than let their lease run out mid-send.
      const rest = claimed.slice(index).map((m) => m.id);
      await db
        .update(mailOutbox)
        .set({ status: 'queued', attempts: sql`${mailOutbox.attempts} - 1`, nextAttemptAt: sql`now()` })
        .where(and(inArray(mailOutbox.id, rest), eq(mailOutbox.status, 'sending')));
      break;
    }
    const mine = and(eq(mailOutbox.id, mail.id), eq(mailOutbox.status, 'sending'));
    const outcome = await Promise.resolve()
      .then(() =>
        transport.sendMail({
          from: mailSender(),
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
        }),
      )
      .then(
        () => ({ ok: true as const }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    // Only the send's own failure counts as one: a database error recording a success propagates
    // (the row then waits out its lease) rather than being retried as if the mail had not gone.
    if (outcome.ok) {
      await db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: sql`now()`, lastError: null })
        .where(mine);
      sent++;
      continue;
    }
    failed++;
    await db
      .update(mailOutbox)
      .set({
        status: mail.attempts >= MAX_ATTEMPTS ? 'failed' : 'queued',
        lastError: errorMessage(outcome.error),
        nextAttemptAt: sql`now() + make_interval(secs => ${retryDelaySeconds(mail.attempts)})`,
      })
      .where(mine);
  }
  return { sent, failed };
}

/**
 * Starts delivering the outbox without delaying the caller: after the response when called inside
 * a request (next/server `after`), else on a detached promise. Never throws; errors are logged.
 * Call it after the transaction that enqueued mail has committed. Does nothing without SMTP.
 */
export function sendMailSoon(): void {
  if (!getTransport()) return;
  const run = () =>
    deliverPendingMail().then(
      () => undefined,
      (error: unknown) => console.error('[mail] delivery failed', error),
    );
  try {
    after(run);
  } catch {
    // Outside a request scope (scripts, tests, jobs) `after` throws: run detached instead.
    void run();
  }
}
