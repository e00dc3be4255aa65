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
const { deliverPendingMail, enqueueMail } = await import('@/lib/mail/mutations');
const { readMailFolder } = await import('../support/mail-folder');

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('mail folder (MAIL_DIR, no SMTP)', () => {
  it('delivers each queued mail as an .eml file that a mail reader parses back, Chinese included', async () => {
    const db = await getDb();
    const { id } = await enqueueMail(db, {
      to: 'reader@example.com',
      locale: 'zh',
      template: 'passwordReset',
      data: { name: '李雷', url: 'http://localhost:3000/reset-password?token=abc123', expiresMinutes: 60 },
    });
    expect(await deliverPendingMail()).toEqual({ sent: 1, failed: 0 });
    const mails = await readMailFolder(dir);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: 'reader@example.com' });
    expect(mails[0]!.text).toContain('http://localhost:3000/reset-password?token=abc123');
    expect(mails[0]!.text).toContain('李雷');
    const [row] = await db.query.mailOutbox.findMany({ where: (m, { eq }) => eq(m.id, id) });
    expect(row?.status).toBe('sent');
  });
});
