import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';
import { env } from '@/lib/env';

/** A message as the outbox hands it to a transport. */
export type OutgoingMail = { from: string; to: string; subject: string; html: string; text: string };

/** What delivery needs from a transport: nodemailer's transporter fits, and so does a test fake. */
export type MailTransport = { sendMail(message: OutgoingMail): Promise<unknown> };

// Short network timeouts: a claimed batch must finish well within its 10-minute lease
// (see deliverPendingMail), and nodemailer's default socket timeout alone is 10 minutes.
// Query parameters of SMTP_URL (?socketTimeout=…) still override these.
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

let cached: MailTransport | null | undefined;
let override: MailTransport | null | undefined;

/**
 * Delivers into a folder: each mail becomes one RFC 822 `.eml` file (nodemailer's stream transport
 * builds it), named so that a listing is in sending order. Any mail client opens them; the demo and
 * the end-to-end tests read their links from there.
 */
function folderTransport(dir: string): MailTransport {
  const builder = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async sendMail(message) {
      const { message: raw } = (await builder.sendMail(message)) as { message: Buffer };
      await fs.mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      await fs.writeFile(path.join(dir, name), raw, { mode: 0o600 });
    },
  };
}

/**
 * A development server without SMTP_URL or MAIL_DIR prints each mail, links included, to its own
 * console: the developer is the only reader, and a reset link must reach them.
 */
const consoleTransport: MailTransport = {
  async sendMail(message) {
    console.info(`[mail] to ${message.to}: ${message.subject}\n\n${message.text}`);
  },
};

/**
 * The transport for outgoing mail: SMTP from SMTP_URL (created once per process); without it, a
 * folder of .eml files when MAIL_DIR is set; else, on a development server, its console; else null,
 * and mail is held in the outbox, where admins see it at /admin/mail without its secret links.
 */
export function getTransport(): MailTransport | null {
  if (override !== undefined) return override;
  if (cached === undefined) {
    // createTransport(url) would drop any other option, so the URL goes through the SMTP transport itself.
    cached = env.SMTP_URL
      ? createTransport(new SMTPTransport({ ...TIMEOUTS, url: env.SMTP_URL }))
      : env.MAIL_DIR
        ? folderTransport(env.MAIL_DIR)
        : env.NODE_ENV === 'development'
          ? consoleTransport
          : null;
  }
  return cached;
}

/** The sender of every mail (MAIL_FROM). */
export function mailSender(): string {
  return env.MAIL_FROM;
}

/**
 * Replaces the transport, for tests only: a fake to record or fail deliveries, null for "no SMTP",
 * undefined to go back to the configured one.
 */
export function setTransportForTests(transport: MailTransport | null | undefined): void {
  override = transport;
}
