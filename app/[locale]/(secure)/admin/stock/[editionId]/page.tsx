import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { EmptyState, ListPagination } from '@/components/admin/list-parts';
import { StockAdjustForm } from '@/components/admin/orders/stock-adjust-form';
import { getEditionStock, listStockMovements } from '@/lib/admin/stock/queries';
import { formatLabel } from '@/lib/catalog/format-label';
import { LOCALE_TAGS } from '@/lib/i18n/config';
import { resolveLocale } from '@/lib/i18n/server';

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
  const pages = Math.max(1, Math.ceil(history.total / history.pageSize));
  const date = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(LOCALE_TAGS[locale], { signDisplay: 'always' });
  return (
    <article aria-labelledby="edition-heading" className="space-y-6">
      <header>
        <Link href="/admin/stock" className="text-sm text-brand-700 hover:underline">
          ← {t('back')}
        </Link>
        <h1 id="edition-heading" className="mt-1 text-2xl font-black tracking-tight">
          {edition.productTitle}
        </h1>
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
        </p>
      </header>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[18rem_1fr]">
        <section aria-labelledby="stock-now" className="rounded-xl border border-stone-200 bg-white p-4">
          <h2 id="stock-now" className="text-sm font-semibold text-stone-600">
            {t('inStock')}
          </h2>
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
        </section>

        <section aria-labelledby="stock-history" className="min-w-0">
          <h2 id="stock-history" className="font-bold">
            {t('history.title')}
          </h2>
          {history.items.length === 0 ? (
            <EmptyState>{t('history.empty')}</EmptyState>
          ) : (
            <div className="mt-3 overflow-x-auto rounded-xl border border-stone-200 bg-white">
              <table className="w-full min-w-[38rem] text-left text-sm">
                <thead className="border-b border-stone-200 text-xs uppercase text-stone-500">
                  <tr>
                    <th scope="col" className="px-3 py-2">
                      {t('history.date')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t('history.reason')}
                    </th>
                    <th scope="col" className="px-3 py-2 text-right">
                      {t('history.delta')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t('history.order')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t('history.actor')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t('history.note')}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {history.items.map((movement) => (
                    <tr key={movement.id}>
                      <td className="whitespace-nowrap px-3 py-2 text-stone-600">
                        <time dateTime={movement.createdAt}>{date.format(new Date(movement.createdAt))}</time>
                      </td>
                      <td className="px-3 py-2">
                        {t.has(`reasons.${movement.reason}`) ? t(`reasons.${movement.reason}`) : movement.reason}
                      </td>
                      <td
                        className={`px-3 py-2 text-right font-semibold tabular-nums ${movement.delta < 0 ? 'text-brand-700' : 'text-emerald-800'}`}
                      >
                        {number.format(movement.delta)}
                      </td>
                      <td className="px-3 py-2">
                        {movement.orderNumber ? (
                          <Link
                            href={`/admin/orders/${movement.orderNumber}`}
                            className="text-brand-700 hover:underline"
                          >
                            {movement.orderNumber}
                          </Link>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td className="px-3 py-2">{movement.actorName ?? t('history.system')}</td>
                      <td className="px-3 py-2 break-words">{noteText(movement.note, t)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ListPagination
            page={page}
            pages={pages}
            hrefFor={(p) => `/admin/stock/${edition.editionId}${p > 1 ? `?page=${p}` : ''}`}
            labels={{ nav: t('pages'), previous: t('previous'), next: t('next'), pageOf: t('pageOf', { page, pages }) }}
          />
        </section>
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
