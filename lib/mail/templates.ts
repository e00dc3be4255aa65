import { LOCALE_TAGS, type Locale } from '@/lib/i18n/config';
import { accountTemplates } from './account-templates';
import { type RenderedMail, renderLayout } from './layout';
import { orderTemplates } from './order-templates';
import { rentalTemplates } from './rental-templates';
import { rentalWaitlistTemplates } from './rental-waitlist-templates';
import { rentalKeepTemplates } from './rental-keep-templates';
import { type MailTemplate, translatorFor } from './template-kit';
import { wishlistTemplates } from './wishlist-templates';

export type { OrderMailData } from './order-templates';

/**
 * The registry of every mail the store sends. A template is one entry: typed data in, blocks out
 * (lib/mail/layout.ts turns blocks into HTML and text and escapes everything). Words come from the
 * `mail` namespace of the i18n messages; this module works outside React and outside a request.
 */
export const templates = {
  ...accountTemplates,
  ...orderTemplates,
  ...wishlistTemplates,
  ...rentalTemplates,
  ...rentalWaitlistTemplates,
  ...rentalKeepTemplates,
};

export type TemplateName = keyof typeof templates;

export type TemplateData<K extends TemplateName> = Parameters<(typeof templates)[K]>[0];

export const TEMPLATE_NAMES = Object.keys(templates) as TemplateName[];

/**
 * Renders a template in a locale to its subject, HTML and plain text. Pure apart from reading
 * SITE_URL; throws on a link that is not http(s), which is a programming error of the caller.
 */
export function renderMail<K extends TemplateName>(name: K, data: TemplateData<K>, locale: Locale): RenderedMail {
  const t = translatorFor(locale);
  // Indexing the registry with a generic key loses the pairing of name and data; the signature keeps it.
  const compose = templates[name] as MailTemplate<TemplateData<K>>;
  const content = compose(data, { locale, t });
  // A subject is a header line: a line break in it (from interpolated data) must not start another header.
  const subject = content.subject.replace(/\s+/g, ' ').trim();
  return renderLayout(
    { ...content, subject },
    {
      lang: LOCALE_TAGS[locale],
      tagline: t('layout.tagline'),
      buttonFallback: t('layout.buttonFallback'),
      footer: t('layout.footer'),
      signOff: t('layout.signOff'),
      hiddenLink: t('layout.hiddenLink'),
    },
  );
}
