import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LinkifiedText } from '@/components/admin/linkified-text';
import { RecordHeader } from '@/components/admin/list-parts';
import { Card } from '@/components/ui/card';
import { DefinitionList } from '@/components/ui/definition-list';
import { LOCALE_TAGS } from '@/lib/i18n/config';
import { resolveLocale } from '@/lib/i18n/server';
import { getOutboxMessage } from '@/lib/admin/mail/queries';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = { params: Promise<{ locale: string; id: string }> };

async function load(params: Props['params']) {
  const { id } = await params;
  const mail = /^\d{1,9}$/.test(id) ? await getOutboxMessage(Number(id)) : null;
  if (!mail) notFound();
  return mail;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await resolveLocale(params);
  return { title: (await load(params)).subject };
}

/** One mail: its text with clickable links, and the HTML version in its own sandboxed page. */
export default async function AdminMailMessagePage({ params }: Props) {
  const locale = await resolveLocale(params);
  const mail = await load(params);
  const t = await getTranslations({ locale, namespace: 'admin.mail' });
  const date = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'full', timeStyle: 'short' });
  return (
    <article aria-labelledby="mail-subject">
      <RecordHeader back={{ href: '/admin/mail', label: t('back') }} id="mail-subject" title={mail.subject}>
        <DefinitionList
          items={[
            { term: t('recipient'), value: mail.to },
            { term: t('date'), value: date.format(mail.createdAt) },
            {
              term: t('status'),
              value: (
                <>
                  {t(`statuses.${mail.status}`)}
                  {mail.lastError && <span className="ml-2 text-brand-700">({mail.lastError})</span>}
                </>
              ),
            },
          ]}
        />
      </RecordHeader>
      <p className="mt-3 text-sm">
        <a
          href={`/admin-mail/${mail.id}`}
          target="_blank"
          rel="noopener"
          className="font-medium text-brand-700 underline"
        >
          {t('openHtml')}
        </a>
      </p>
      <Card className="mt-4 p-4">
        <LinkifiedText text={mail.text} />
      </Card>
    </article>
  );
}
