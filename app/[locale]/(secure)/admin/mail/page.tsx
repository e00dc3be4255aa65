import type { Metadata } from 'next';
import Link from 'next/link';
import { ListPagination } from '@/components/admin/list-parts';
import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { LOCALE_TAGS } from '@/lib/i18n/config';
import { resolveLocale } from '@/lib/i18n/server';
import { listOutbox } from '@/lib/admin/mail/queries';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'admin.mail' });
  return { title: t('title') };
}

/** Every mail the store sent or holds (without SMTP they stay here), newest first, secret links hidden. */
export default async function AdminMailPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const query = await searchParams;
  const to = [query.to].flat()[0]?.slice(0, 200) ?? '';
  const page = Math.min(10_000, Math.max(1, Number.parseInt([query.page].flat()[0] ?? '1', 10) || 1));
  const t = await getTranslations({ locale, namespace: 'admin.mail' });
  const { items, total, pageSize } = await listOutbox({ page, to });
  const dateFormat = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'medium', timeStyle: 'short' });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => `/admin/mail?${new URLSearchParams({ ...(to ? { to } : {}), page: String(p) })}`;
  return (
    <div>
      <h1 className="text-2xl font-black tracking-tight">{t('title')}</h1>
      <p className="mt-1 text-sm text-stone-600">{t('intro', { days: env.RETAIN_MAIL_DAYS })}</p>
      <form role="search" className="mt-4 flex gap-2" action="/admin/mail">
        <label className="sr-only" htmlFor="mail-to">
          {t('recipientSearch')}
        </label>
        <input
          id="mail-to"
          name="to"
          type="email"
          defaultValue={to}
          placeholder={t('recipientSearch')}
          className="w-64 rounded-lg border border-stone-300 px-3 py-1.5 text-sm"
        />
        <button type="submit" className="rounded-full bg-stone-900 px-4 py-1.5 text-sm font-semibold text-white">
          {t('filter')}
        </button>
      </form>
      {items.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-stone-300 p-6 text-sm text-stone-600">{t('empty')}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-200 text-xs uppercase text-stone-500">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  {t('date')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('recipient')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('subject')}
                </th>
                <th scope="col" className="py-2">
                  {t('status')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {items.map((mail) => (
                <tr key={mail.id}>
                  <td className="whitespace-nowrap py-2 pr-3 text-stone-600">{dateFormat.format(mail.createdAt)}</td>
                  <td className="py-2 pr-3">{mail.to}</td>
                  <td className="py-2 pr-3">
                    <Link href={`/admin/mail/${mail.id}`} className="font-medium text-brand-700 hover:underline">
                      {mail.subject}
                    </Link>
                  </td>
                  <td className="py-2">{t(`statuses.${mail.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListPagination
        page={page}
        pages={pages}
        hrefFor={href}
        labels={{
          nav: t('pages'),
          previous: t('previous'),
          next: t('next'),
          pageOf: t('pageOf', { page, pages }),
        }}
      />
    </div>
  );
}
