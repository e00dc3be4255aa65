import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type * as EnvModule from '@/lib/env';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-mail-'));
vi.mock('@/lib/env', async (importOriginal) => {
  const original = await importOriginal<typeof EnvModule>();
  return { ...original, env: { ...original.env, SMTP_URL: undefined, MAIL_DIR: dir } };
});

const { getDb } = await import('@/db');
const { enqueueMail } = await import('@/lib/mail/mutations');
const { deliverMail } = await import('@/lib/jobs/mail');
const { secretLinks } = await import('@/lib/mail/secret-links');
const { checkOrderAccessKey } = await import('@/lib/orders/access');
const { readMailFolder } = await import('../support/mail-folder');

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('mail folder (MAIL_DIR, no SMTP)', () => {
  it('delivers each queued mail as an .eml file that a mail reader parses back, Chinese included', async () => {
    const db = await getDb();
    const { id } = await enqueueMail(db, {
      to: 'reader@example.com',
      locale: 'zh',
      template: 'orderDelivered',
      data: { name: '李雷', number: 'EN-100001', orderUrl: secretLinks.order(1, 'EN-100001') },
    });
    expect(await deliverMail()).toEqual({ sent: 1, failed: 0 });
    const mails = await readMailFolder(dir);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: 'reader@example.com' });
    // The order's key is made when the mail is sent: the reader gets a working link.
    const key = /\/orders\/EN-100001\?key=([\w.-]+)/.exec(mails[0]!.text)?.[1];
    const order = { id: 1, number: 'EN-100001', accessTokenHash: '', createdAt: new Date() };
    expect(checkOrderAccessKey(key, order)).toBe('valid');
    expect(mails[0]!.text).toContain('李雷');
    const [row] = await db.query.mailOutbox.findMany({ where: (m, { eq }) => eq(m.id, id) });
    expect(row?.status).toBe('sent');
  });
});
