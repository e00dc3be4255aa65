import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow } from '@/db';
import { env } from '@/lib/env';
import { deliverMail } from '@/lib/jobs/mail';
import { enqueueMail, MAX_ATTEMPTS, retryDelaySeconds, sendMailSoon } from '@/lib/mail/mutations';
import { getOutboxMessage, listOutbox } from '@/lib/admin/mail/queries';
import { mailOutbox } from '@/lib/mail/schema';
import { secretLinks } from '@/lib/mail/secret-links';
import { openAddress, openError, openSubject } from '@/lib/mail/stored';
import { type MailTransport, type OutgoingMail, setTransportForTests } from '@/lib/mail/transport';
import { outboxMails } from '../support/outbox';
import { itOnPostgres } from '../support/concurrency';
import { at, first } from '@/tests/support/lists';

const requireAdmin = vi.hoisted(() => vi.fn());
vi.mock('@/lib/auth/session', () => ({ requireAdmin }));

/** Records what it sends; `failures` makes the next n sends throw. */
function fakeTransport({ failures = 0 } = {}) {
  const sent: OutgoingMail[] = [];
  let calls = 0;
  const transport: MailTransport = {
    async sendMail(message) {
      calls++;
      // Yield, so that concurrent deliveries really interleave.
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (failures > 0) {
        failures--;
        throw new Error('421 try again later');
      }
      sent.push(message);
      return { messageId: `<${calls}@test>` };
    },
  };
  return { transport, sent, calls: () => calls };
}

const welcome = (to: string, extra: { dedupeKey?: string; userId?: number } = {}) =>
  ({ to, locale: 'en', template: 'welcome', data: { name: 'Ada' }, ...extra }) as const;

/** The outbox rows, their encrypted columns decrypted. */
async function outbox() {
  const db = await getDb();
  const rows = await db.select().from(mailOutbox).orderBy(asc(mailOutbox.id));
  return rows.map((row) => ({
    ...row,
    toAddress: openAddress(row.toAddress),
    subject: openSubject(row.subject),
    lastError: openError(row.lastError),
  }));
}

/** Seconds from the database's now() until the row's next attempt. */
async function secondsUntilNextAttempt(id: number): Promise<number> {
  const row = await queryRow<{ seconds: number }>(
    await getDb(),
    sql`select extract(epoch from next_attempt_at - now())::float8 as seconds from mail_outbox where id = ${id}`,
  );
  return Number(row.seconds);
}

async function makeDue(id: number) {
  const db = await getDb();
  await db
    .update(mailOutbox)
    .set({ nextAttemptAt: sql`now() - interval '1 second'` })
    .where(eq(mailOutbox.id, id));
}

beforeEach(async () => {
  const db = await getDb();
  await db.delete(mailOutbox);
  setTransportForTests(null);
  requireAdmin.mockReset();
  requireAdmin.mockResolvedValue({ id: 1, role: 'admin' });
});

afterAll(() => setTransportForTests(undefined));

describe('enqueueMail', () => {
  it('renders the template and holds the mail when no transport is configured', async () => {
    const info = vi.spyOn(console, 'info');
    const db = await getDb();
    const result = await enqueueMail(db, welcome(' ada@example.com ', { userId: 7 }));
    expect(result.duplicate).toBe(false);
    const row = first(await outbox());
    expect(row).toMatchObject({
      id: result.id,
      toAddress: 'ada@example.com',
      locale: 'en',
      template: 'welcome',
      subject: 'Welcome to Encore',
      status: 'held',
      attempts: 0,
      userId: 7,
      dedupeKey: null,
      sentAt: null,
    });
    const stored = first(await outboxMails());
    expect(stored.html).toContain('Hi Ada,');
    expect(stored.text).toContain(`${env.SITE_URL}/`);
    // Only a development server prints mail (its console is its transport), never a test run.
    expect(info).not.toHaveBeenCalled();
    // Nothing to deliver it with: it stays held.
    expect(await deliverMail()).toEqual({ sent: 0, failed: 0 });
    expect(first(await outbox()).status).toBe('held');
    info.mockRestore();
  });

  it('queues the mail when a transport is configured', async () => {
    setTransportForTests(fakeTransport().transport);
    await enqueueMail(await getDb(), { ...welcome('ada@example.com'), locale: 'zh' });
    const row = first(await outbox());
    expect(row.status).toBe('queued');
    expect(row.subject).toBe('欢迎来到 Encore');
  });

  it('writes one mail per dedupe key', async () => {
    const db = await getDb();
    const first = await enqueueMail(db, welcome('ada@example.com', { dedupeKey: 'order-confirmation:123' }));
    const again = await enqueueMail(db, welcome('ada@example.com', { dedupeKey: 'order-confirmation:123' }));
    expect(again).toEqual({ id: first.id, duplicate: true });
    // Mail without a key is never deduplicated.
    await enqueueMail(db, welcome('ada@example.com'));
    await enqueueMail(db, welcome('ada@example.com'));
    expect(await outbox()).toHaveLength(3);
  });

  itOnPostgres('writes one mail per dedupe key when three callers race', async () => {
    const db = await getDb();
    const raced = await Promise.all(
      [1, 2, 3].map(() => enqueueMail(db, welcome('bob@example.com', { dedupeKey: 'order-confirmation:124' }))),
    );
    expect(raced.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(raced.map((r) => r.id)).size).toBe(1);
    expect(await outbox()).toHaveLength(1);
  });

  it('writes nothing when the caller’s transaction rolls back, and commits with it', async () => {
    const db = await getDb();
    await expect(
      db.transaction(async (tx) => {
        await enqueueMail(tx, welcome('ada@example.com', { dedupeKey: 'welcome:1' }));
        throw new Error('the order failed');
      }),
    ).rejects.toThrow('the order failed');
    expect(await outbox()).toHaveLength(0);
    await db.transaction(async (tx) => {
      await enqueueMail(tx, welcome('ada@example.com', { dedupeKey: 'welcome:1' }));
    });
    expect(await outbox()).toHaveLength(1);
  });

  it('encrypts the personal content and refuses a link with a secret in it', async () => {
    const db = await getDb();
    await enqueueMail(db, welcome('ada.private@example.com'));
    const raw = first(await db.select().from(mailOutbox));
    for (const column of [raw.toAddress, raw.subject, raw.data]) expect(column).toMatch(/^enc1:/);
    for (const plain of ['ada.private@example.com', 'Welcome to Encore', '"Ada"']) {
      expect(JSON.stringify(raw)).not.toContain(plain);
    }
    const order = {
      name: 'Ada',
      number: 'EN-1',
      orderUrl: `${env.SITE_URL}/orders/EN-1?key=abc`,
    };
    await expect(
      enqueueMail(db, { to: 'ada@example.com', locale: 'en', template: 'orderDelivered', data: order }),
    ).rejects.toThrow(/orderDelivered\.orderUrl holds a link with a secret in it/);
    await enqueueMail(db, {
      to: 'ada@example.com',
      locale: 'en',
      template: 'orderDelivered',
      data: { ...order, orderUrl: secretLinks.order(1, 'EN-1') },
    });
    expect(await outbox()).toHaveLength(2);
  });

  it('refuses anything but a single address', async () => {
    const db = await getDb();
    for (const to of ['a@example.com, b@example.com', 'a@example.com\nBcc: b@example.com', 'nobody', '<a@b.c>']) {
      await expect(enqueueMail(db, welcome(to))).rejects.toThrow(/single email address/);
    }
    expect(await outbox()).toHaveLength(0);
  });
});

describe('deliverMail', () => {
  it('sends each queued mail once, even with several deliveries at the same time', async () => {
    const fake = fakeTransport();
    setTransportForTests(fake.transport);
    const db = await getDb();
    const addresses = Array.from({ length: 8 }, (_, i) => `buyer${i}@example.com`);
    for (const to of addresses) await enqueueMail(db, welcome(to));
    // On PostgreSQL these claim concurrently (SKIP LOCKED); on PGlite they serialize.
    const results = await Promise.all([1, 2, 3, 4].map(() => deliverMail({ limit: 3 })));
    let sent = results.reduce((sum, r) => sum + r.sent, 0);
    for (let more = 1; more > 0; sent += more) more = (await deliverMail({ limit: 3 })).sent;
    expect(sent).toBe(8);
    expect(fake.calls()).toBe(8);
    expect(fake.sent.map((m) => m.to).sort()).toEqual(addresses.sort());
    expect(fake.sent[0]).toMatchObject({ from: env.MAIL_FROM, subject: 'Welcome to Encore' });
    expect(first(fake.sent).html).toContain('<!DOCTYPE html>');
    expect(first(fake.sent).text).toContain('Hi Ada,');
    for (const row of await outbox()) {
      expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      expect(row.sentAt).toBeInstanceOf(Date);
    }
    expect(await deliverMail()).toEqual({ sent: 0, failed: 0 });
    expect(fake.calls()).toBe(8);
  });

  it('claims at most `limit` rows, oldest first', async () => {
    const fake = fakeTransport();
    setTransportForTests(fake.transport);
    const db = await getDb();
    for (const to of ['a@example.com', 'b@example.com', 'c@example.com']) await enqueueMail(db, welcome(to));
    expect(await deliverMail({ limit: 2 })).toEqual({ sent: 2, failed: 0 });
    expect(fake.sent.map((m) => m.to)).toEqual(['a@example.com', 'b@example.com']);
    expect((await outbox()).map((r) => r.status)).toEqual(['sent', 'sent', 'queued']);
  });

  it('retries with exponential backoff and marks the mail failed after the last attempt', async () => {
    const fake = fakeTransport({ failures: 99 });
    setTransportForTests(fake.transport);
    const { id } = await enqueueMail(await getDb(), welcome('ada@example.com'));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (attempt > 1) {
        // Not due yet: a delivery run leaves it alone.
        expect(await deliverMail()).toEqual({ sent: 0, failed: 0 });
        await makeDue(id);
      }
      expect(await deliverMail()).toEqual({ sent: 0, failed: 1 });
      const row = first(await outbox());
      expect(row).toMatchObject({ attempts: attempt, lastError: '421 try again later' });
      if (attempt < MAX_ATTEMPTS) {
        expect(row.status).toBe('queued');
        const wait = await secondsUntilNextAttempt(id);
        expect(wait).toBeGreaterThan(retryDelaySeconds(attempt) - 30);
        expect(wait).toBeLessThanOrEqual(retryDelaySeconds(attempt));
      } else {
        expect(row.status).toBe('failed');
      }
    }
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([60, 240, 960, 3840]);
    await makeDue(id);
    expect(await deliverMail()).toEqual({ sent: 0, failed: 0 });
    expect(fake.calls()).toBe(MAX_ATTEMPTS);
  });

  it('sends on a later attempt once the server recovers', async () => {
    const fake = fakeTransport({ failures: 1 });
    setTransportForTests(fake.transport);
    const { id } = await enqueueMail(await getDb(), welcome('ada@example.com'));
    expect(await deliverMail()).toEqual({ sent: 0, failed: 1 });
    await makeDue(id);
    expect(await deliverMail()).toEqual({ sent: 1, failed: 0 });
    expect(first(await outbox())).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('requeues mail whose sender crashed mid-delivery, but not mail still being sent', async () => {
    const fake = fakeTransport();
    setTransportForTests(fake.transport);
    const db = await getDb();
    const crashed = await enqueueMail(db, welcome('crashed@example.com'));
    const busy = await enqueueMail(db, welcome('busy@example.com'));
    await db
      .update(mailOutbox)
      .set({ status: 'sending', attempts: 1, nextAttemptAt: sql`now() - interval '1 minute'` })
      .where(eq(mailOutbox.id, crashed.id));
    await db
      .update(mailOutbox)
      .set({ status: 'sending', attempts: 1, nextAttemptAt: sql`now() + interval '5 minutes'` })
      .where(eq(mailOutbox.id, busy.id));
    expect(await deliverMail()).toEqual({ sent: 1, failed: 0 });
    expect(fake.sent.map((m) => m.to)).toEqual(['crashed@example.com']);
    const rows = await outbox();
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(rows[1]).toMatchObject({ status: 'sending', attempts: 1 });
  });

  it('gives up on a crashed delivery that had used its last attempt', async () => {
    setTransportForTests(fakeTransport().transport);
    const db = await getDb();
    const { id } = await enqueueMail(db, welcome('ada@example.com'));
    await db
      .update(mailOutbox)
      .set({ status: 'sending', attempts: MAX_ATTEMPTS, nextAttemptAt: sql`now() - interval '1 minute'` })
      .where(eq(mailOutbox.id, id));
    expect(await deliverMail()).toEqual({ sent: 0, failed: 0 });
    expect(first(await outbox()).status).toBe('failed');
  });

  it('leaves held mail alone even once a transport exists', async () => {
    const db = await getDb();
    await enqueueMail(db, welcome('ada@example.com'));
    const fake = fakeTransport();
    setTransportForTests(fake.transport);
    expect(await deliverMail()).toEqual({ sent: 0, failed: 0 });
    expect(first(await outbox()).status).toBe('held');
  });
});

describe('sendMailSoon', () => {
  it('delivers in the background outside a request, and does nothing without a transport', async () => {
    const db = await getDb();
    await enqueueMail(db, welcome('held@example.com'));
    sendMailSoon();
    const fake = fakeTransport();
    setTransportForTests(fake.transport);
    await enqueueMail(db, welcome('ada@example.com'));
    expect(sendMailSoon()).toBeUndefined();
    await vi.waitFor(async () => expect(at(await outbox(), 1).status).toBe('sent'));
    expect(fake.sent.map((m) => m.to)).toEqual(['ada@example.com']);
  });
});

describe('admin outbox viewer', () => {
  it('lists newest first with a total, filters by address, and opens one message', async () => {
    const db = await getDb();
    await enqueueMail(db, welcome('ada@example.com'));
    await enqueueMail(db, welcome('bob@example.com'));
    await enqueueMail(db, { ...welcome('a_b@example.org'), template: 'passwordChanged' });
    const all = await listOutbox({ page: 1, pageSize: 2 });
    expect(all.total).toBe(3);
    expect(all.items.map((m) => m.to)).toEqual(['a_b@example.org', 'bob@example.com']);
    expect(all.items[0]).toEqual({
      id: expect.any(Number),
      to: 'a_b@example.org',
      subject: 'Your Encore password was changed',
      template: 'passwordChanged',
      status: 'held',
      createdAt: expect.any(Date),
      sentAt: null,
    });
    expect((await listOutbox({ page: 2, pageSize: 2 })).items.map((m) => m.to)).toEqual(['ada@example.com']);
    // A whole address in any case finds its mail; part of one finds nothing (addresses are encrypted).
    expect((await listOutbox({ to: 'A_B@Example.org' })).items.map((m) => m.to)).toEqual(['a_b@example.org']);
    expect((await listOutbox({ to: 'EXAMPLE.COM' })).total).toBe(0);

    const message = await getOutboxMessage(first(all.items).id);
    expect(message).toMatchObject({ to: 'a_b@example.org', locale: 'en', attempts: 0, lastError: null });
    expect(message!.html).toContain(`href="${env.SITE_URL}/forgot-password"`);
    expect(message!.text).toContain(`${env.SITE_URL}/forgot-password`);
    expect(await getOutboxMessage(999_999)).toBeNull();
    expect(requireAdmin).toHaveBeenCalledTimes(6);
  });

  it('refuses anyone who is not an admin', async () => {
    await enqueueMail(await getDb(), welcome('ada@example.com'));
    const { id } = first(await outbox());
    requireAdmin.mockRejectedValue(new Error('forbidden'));
    await expect(listOutbox()).rejects.toThrow('forbidden');
    await expect(getOutboxMessage(id)).rejects.toThrow('forbidden');
  });
});
