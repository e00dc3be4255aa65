import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LinkifiedText } from '@/components/admin/linkified-text';
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
      <Link href="/admin/mail" className="text-sm text-brand-700 hover:underline">
        ← {t('back')}
      </Link>
      <h1 id="mail-subject" className="mt-2 text-2xl font-black tracking-tight">
        {mail.subject}
      </h1>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-stone-500">{t('recipient')}</dt>
        <dd>{mail.to}</dd>
        <dt className="text-stone-500">{t('date')}</dt>
        <dd>{date.format(mail.createdAt)}</dd>
        <dt className="text-stone-500">{t('status')}</dt>
        <dd>
          {t(`statuses.${mail.status}`)}
          {mail.lastError && <span className="ml-2 text-brand-700">({mail.lastError})</span>}
        </dd>
      </dl>
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
      <div className="mt-4 rounded-xl border border-stone-200 bg-white p-4">
        <LinkifiedText text={mail.text} />
      </div>
    </article>
  );
}
