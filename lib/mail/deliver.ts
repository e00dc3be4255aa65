import 'server-only';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { after } from 'next/server';
import { type Executor, getDb } from '@/db';
import { mailOutbox } from './schema';
import { resolveSecretLinks, type SecretLink } from './secret-links';
import { openAddress, openData, sealError } from './stored';
import { renderMail, type TemplateData, type TemplateName } from './templates';
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

type ClaimedMail = {
  id: number;
  toAddress: string;
  locale: 'en' | 'zh';
  template: string;
  data: string;
  userId: number | null;
  attempts: number;
};

/** Rows whose claim expired (the instance sending them died) go back to the queue, or fail. */
async function requeueAbandoned(db: Executor): Promise<void> {
  await db
    .update(mailOutbox)
    .set({
      status: sql`case when ${mailOutbox.attempts} >= ${MAX_ATTEMPTS} then 'failed'::mail_status else 'queued'::mail_status end`,
      lastError: sealError('delivery interrupted: no result within the lease'),
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
      toAddress: mailOutbox.toAddress,
      locale: mailOutbox.locale,
      template: mailOutbox.template,
      data: mailOutbox.data,
      userId: mailOutbox.userId,
      attempts: mailOutbox.attempts,
    });
  // RETURNING has no order; send oldest first.
  return claimed.sort((a, b) => a.id - b.id);
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/**
 * Makes a secret link real for the mail being sent (a URL carrying a fresh token or key), or null when
 * it can no longer be made. The domains that own the links (accounts, orders) supply it, from the
 * layer above them all (lib/jobs/mail.ts): mail itself knows no domain.
 */
export type LinkMaker = (
  db: Executor,
  link: SecretLink,
  mail: { to: string; userId: number | null },
) => Promise<string | null>;

/**
 * The message to send: the stored data with its secret links made real now, rendered. Null when a
 * link can no longer be made (the mail is then cancelled, not sent).
 */
async function composeForSending(db: Executor, mail: ClaimedMail, makeLink: LinkMaker) {
  const to = openAddress(mail.toAddress);
  const { template, data } = openData(mail);
  const live = await resolveSecretLinks<TemplateData<TemplateName>>(data, (link) =>
    makeLink(db, link, { to, userId: mail.userId }),
  );
  if (!live) return null;
  return { to, ...renderMail(template, live, mail.locale) };
}

/**
 * Sends due mail from the outbox: claims up to `limit` queued rows whose time has come, renders each
 * with its secret links made now (never stored), sends it through the transport, and marks it
 * 'sent', or 'queued' again with exponential backoff (`retryDelaySeconds`), or 'failed' after
 * MAX_ATTEMPTS, or 'cancelled' when a link it needs can no longer be made. Safe to run on several
 * instances at once: each row is claimed by one of them. Delivery is at-least-once: a crash between
 * the SMTP server accepting a mail and the 'sent' update sends it again after the lease. Returns how
 * many sends succeeded and how many failed in this run (whether or not they will be retried). A
 * no-op without a transport. Throws only on database errors.
 */
export async function deliverPendingMail({ limit = 20, makeLink }: { limit?: number; makeLink: LinkMaker }): Promise<{
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
      .then(() => composeForSending(db, mail, makeLink))
      .then(async (message) => {
        if (!message) return { ok: 'cancelled' as const };
        await transport.sendMail({ from: mailSender(), ...message });
        return { ok: true as const };
      })
      .catch((error: unknown) => ({ ok: false as const, error }));
    // Only the send's own failure counts as one: a database error recording a success propagates
    // (the row then waits out its lease) rather than being retried as if the mail had not gone.
    if (outcome.ok === 'cancelled') {
      await db
        .update(mailOutbox)
        .set({ status: 'cancelled', lastError: sealError('its link could no longer be made: the account changed') })
        .where(mine);
      continue;
    }
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
        lastError: sealError(errorMessage(outcome.error)),
        nextAttemptAt: sql`now() + make_interval(secs => ${retryDelaySeconds(mail.attempts)})`,
      })
      .where(mine);
  }
  return { sent, failed };
}

// The delivery `sendMailSoon` starts: registered by lib/jobs/mail.ts when it loads (the server start
// loads it with the jobs; scripts and tests import it). Kept on globalThis because Next bundles the
// server start and the routes as separate module graphs in one process.
const registry = globalThis as unknown as { encoreMailDelivery?: () => Promise<unknown> };

/** Names the delivery `sendMailSoon` runs (lib/jobs/mail.ts). */
export function setMailDelivery(deliver: () => Promise<unknown>): void {
  registry.encoreMailDelivery = deliver;
}

/**
 * Starts delivering the outbox without delaying the caller: after the response when called inside
 * a request (next/server `after`), else on a detached promise. Never throws; errors are logged.
 * Call it after the transaction that enqueued mail has committed. Does nothing without a transport,
 * or in a process that never loaded the delivery (lib/jobs/mail.ts): the mail then waits for the
 * next run of the delivery job, at most a minute on any instance.
 */
export function sendMailSoon(): void {
  const deliver = registry.encoreMailDelivery;
  if (!getTransport() || !deliver) return;
  const run = () =>
    deliver().then(
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
