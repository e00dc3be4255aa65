import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FilterBar, ListPagination, SearchField } from '@/components/admin/list-parts';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/card';
import { type Column, DataTable } from '@/components/ui/data-table';
import { env } from '@/lib/env';
import { LOCALE_TAGS } from '@/lib/i18n/config';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';
import { listOutbox } from '@/lib/admin/mail/queries';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = titleMetadata('admin.mail');

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
  const columns: Column<(typeof items)[number]>[] = [
    {
      key: 'date',
      header: t('date'),
      className: 'whitespace-nowrap text-stone-600',
      cell: (mail) => dateFormat.format(mail.createdAt),
    },
    { key: 'recipient', header: t('recipient'), cell: (mail) => mail.to },
    {
      key: 'subject',
      header: t('subject'),
      cell: (mail) => (
        <Link href={`/admin/mail/${mail.id}`} className="font-medium text-brand-700 hover:underline">
          {mail.subject}
        </Link>
      ),
    },
    { key: 'status', header: t('status'), cell: (mail) => t(`statuses.${mail.status}`) },
  ];
  return (
    <div>
      <PageHeader title={t('title')} intro={t('intro', { days: env.RETAIN_MAIL_DAYS })} />
      <FilterBar action="/admin/mail" submit={t('filter')}>
        <SearchField
          id="mail-to"
          label={t('recipientSearch')}
          name="to"
          type="email"
          value={to}
          placeholder={t('recipientSearch')}
          className="w-64"
        />
      </FilterBar>
      {items.length === 0 ? (
        <EmptyState>{t('empty')}</EmptyState>
      ) : (
        <DataTable variant="plain" minWidth="" columns={columns} rows={items} rowKey={(mail) => mail.id} />
      )}
      <ListPagination t={t} page={page} pages={pages} hrefFor={href} />
    </div>
  );
}
