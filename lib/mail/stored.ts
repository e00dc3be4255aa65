import 'server-only';
import { decryptOptional, decryptText, encryptOptional, encryptText } from '@/lib/security/encryption';
import type { Locale } from '@/lib/i18n/config';
import { HIDDEN_LINK, type RenderedMail } from './layout';
import { recipientHash } from './recipient';
import { resolveSecretLinks, type WithSecretLinks } from './secret-links';
import { renderMail, TEMPLATE_NAMES, type TemplateData, type TemplateName } from './templates';

/**
 * How a mail is kept in the outbox (lib/mail/schema.ts): the personal columns encrypted with their
 * column name as context, the recipient also as a keyed hash, the template's data as JSON with its
 * secret links as descriptions. Every read and write of those columns goes through here.
 */

/** The encrypted columns of a new outbox row. */
export function sealMail(mail: { to: string; subject: string; data: unknown }) {
  return {
    toAddress: encryptText(mail.to, 'mail_outbox.to_address'),
    toHash: recipientHash(mail.to),
    subject: encryptText(mail.subject, 'mail_outbox.subject'),
    data: encryptText(JSON.stringify(mail.data), 'mail_outbox.data'),
  };
}

export const openAddress = (stored: string) => decryptText(stored, 'mail_outbox.to_address');
export const openSubject = (stored: string) => decryptText(stored, 'mail_outbox.subject');
export const sealError = (message: string | null) => encryptOptional(message, 'mail_outbox.last_error');
export const openError = (stored: string | null) => decryptOptional(stored, 'mail_outbox.last_error');

/** A stored mail's template and data, read back (the template name checked against the registry). */
export function openData(row: { template: string; data: string }): {
  template: TemplateName;
  data: WithSecretLinks<TemplateData<TemplateName>>;
} {
  if (!(TEMPLATE_NAMES as string[]).includes(row.template)) throw new Error(`unknown mail template ${row.template}`);
  return {
    template: row.template as TemplateName,
    data: JSON.parse(decryptText(row.data, 'mail_outbox.data')) as WithSecretLinks<TemplateData<TemplateName>>,
  };
}

/**
 * Renders a mail with every secret link hidden: what staff may see of it (the admin viewer), and how
 * `enqueueMail` renders the subject and checks the data before writing it.
 */
export async function renderWithoutSecrets<K extends TemplateName>(
  template: K,
  data: WithSecretLinks<TemplateData<K>>,
  locale: Locale,
): Promise<RenderedMail> {
  const shown = (await resolveSecretLinks<TemplateData<K>>(data, () => HIDDEN_LINK))!;
  return renderMail(template, shown, locale);
}
