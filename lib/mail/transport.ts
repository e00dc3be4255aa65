import 'server-only';
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
 * The transport for outgoing mail: SMTP from SMTP_URL (created once per process), or null when
 * SMTP_URL is unset, in which case mail is held in the outbox for admins to read at /admin/mail.
 */
export function getTransport(): MailTransport | null {
  if (override !== undefined) return override;
  if (cached === undefined) {
    // createTransport(url) would drop any other option, so the URL goes through the SMTP transport itself.
    cached = env.SMTP_URL ? createTransport(new SMTPTransport({ ...TIMEOUTS, url: env.SMTP_URL })) : null;
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
