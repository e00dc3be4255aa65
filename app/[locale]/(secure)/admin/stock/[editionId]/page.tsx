import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ListPagination, RecordHeader } from '@/components/admin/list-parts';
import { Section } from '@/components/ui/card';
import { type Column, DataTable } from '@/components/ui/data-table';
import { StockAdjustForm } from '@/components/admin/orders/stock-adjust-form';
import { getEditionStock, listStockMovements } from '@/lib/admin/stock/queries';
import { formatLabel } from '@/lib/catalog/format-label';
import { LOCALE_TAGS } from '@/lib/i18n/config';
import { resolveLocale } from '@/lib/i18n/server';
import { isRentableEdition } from '@/lib/admin/rentals/queries';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string; editionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const editionIdOf = async (params: Props['params']) => {
  const { editionId } = await params;
  return /^\d{1,9}$/.test(editionId) ? Number(editionId) : null;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'admin.stock' });
  const id = await editionIdOf(params);
  // The layout answers non-admins (sign-in or 403); the title must not fail before it does.
  const edition = id ? await getEditionStock(id).catch(() => null) : null;
  return { title: edition ? t('editionTitle', { title: edition.productTitle, sku: edition.sku }) : t('title') };
}

/** One edition's stock: adjust it by a delta with a reason, and its ledger, newest first. */
export default async function AdminEditionStockPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const id = await editionIdOf(params);
  const edition = id ? await getEditionStock(id) : null;
  if (!edition) notFound();
  const page = Math.min(10_000, Math.max(1, Number.parseInt([(await searchParams).page].flat()[0] ?? '1', 10) || 1));
  const t = await getTranslations({ locale, namespace: 'admin.stock' });
  const history = await listStockMovements(edition.editionId, page);
  const rentable = await isRentableEdition(edition.editionId);
  const pages = Math.max(1, Math.ceil(history.total / history.pageSize));
  const date = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(LOCALE_TAGS[locale], { signDisplay: 'always' });
  const columns: Column<(typeof history.items)[number]>[] = [
    {
      key: 'date',
      header: t('history.date'),
      className: 'whitespace-nowrap text-stone-600',
      cell: (movement) => <time dateTime={movement.createdAt}>{date.format(new Date(movement.createdAt))}</time>,
    },
    {
      key: 'reason',
      header: t('history.reason'),
      cell: (movement) => (t.has(`reasons.${movement.reason}`) ? t(`reasons.${movement.reason}`) : movement.reason),
    },
    {
      key: 'delta',
      header: t('history.delta'),
      align: 'right',
      className: 'font-semibold tabular-nums',
      cell: (movement) => (
        <span className={movement.delta < 0 ? 'text-brand-700' : 'text-emerald-800'}>
          {number.format(movement.delta)}
        </span>
      ),
    },
    {
      key: 'order',
      header: t('history.order'),
      cell: (movement) =>
        movement.orderNumber ? (
          <Link href={`/admin/orders/${movement.orderNumber}`} className="text-brand-700 hover:underline">
            {movement.orderNumber}
          </Link>
        ) : (
          '—'
        ),
    },
    { key: 'actor', header: t('history.actor'), cell: (movement) => movement.actorName ?? t('history.system') },
    {
      key: 'note',
      header: t('history.note'),
      className: 'break-words',
      cell: (movement) => noteText(movement.note, t),
    },
  ];
  return (
    <article aria-labelledby="edition-heading" className="space-y-6">
      <RecordHeader back={{ href: '/admin/stock', label: t('back') }} id="edition-heading" title={edition.productTitle}>
        <p className="mt-1 text-sm text-stone-600">
          {[formatLabel(edition.format, locale), edition.name].filter(Boolean).join(' · ')} ·{' '}
          <span className="font-mono">{edition.sku}</span>
          {edition.barcode && (
            <>
              {' '}
              · <span className="font-mono">{edition.barcode}</span>
            </>
          )}
        </p>
        <p className="mt-1 text-sm">
          <Link href={`/products/${edition.productSlug}`} className="text-brand-700 hover:underline">
            {t('viewProduct')}
          </Link>
          {rentable && (
            <>
              {' · '}
              <Link href={`/admin/rentals/copies/${edition.editionId}`} className="text-brand-700 hover:underline">
                {t('rentalCopies')}
              </Link>
            </>
          )}
        </p>
      </RecordHeader>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[18rem_1fr]">
        <Section id="stock-now" title={t('inStock')} headingClassName="text-sm font-semibold text-stone-600">
          <p className="mt-1 text-4xl font-black tabular-nums">{edition.stock}</p>
          {edition.ledgerTotal !== edition.stock && (
            <p role="note" className="mt-2 text-sm text-brand-700">
              {t('ledgerMismatch', { ledger: edition.ledgerTotal })}
            </p>
          )}
          <div className="mt-4 border-t border-stone-100 pt-4">
            <h2 className="mb-3 font-bold">{t('adjust.title')}</h2>
            {edition.digital ? (
              <p className="text-sm text-stone-600">{t('digital')}</p>
            ) : (
              <StockAdjustForm editionId={edition.editionId} />
            )}
          </div>
        </Section>

        <Section id="stock-history" title={t('history.title')} bare className="min-w-0">
          <DataTable
            columns={columns}
            rows={history.items}
            rowKey={(movement) => movement.id}
            empty={t('history.empty')}
            minWidth="min-w-[38rem]"
          />
          <ListPagination
            t={t}
            page={page}
            pages={pages}
            hrefFor={(p) => `/admin/stock/${edition.editionId}${p > 1 ? `?page=${p}` : ''}`}
          />
        </Section>
      </div>
    </article>
  );
}

/** Ledger notes written by returns ("return:12") read as a link-free label; staff notes as typed. */
function noteText(note: string | null, t: Awaited<ReturnType<typeof getTranslations>>): string {
  if (!note) return '';
  const returnId = /^return:(\d+)$/.exec(note)?.[1];
  return returnId ? t('history.fromReturn', { id: returnId }) : note;
}
