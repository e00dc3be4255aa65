'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmPanel } from '@/components/ui/confirm';
import { DataTable } from '@/components/ui/data-table';
import { updateProductsStatusAction } from '@/lib/actions/admin/catalog';
import type { AdminProductRow } from '@/lib/admin/catalog/types';
import { thumbnailUrlOf } from '@/lib/admin/catalog/uploads-keys';
import { formatMoney } from '@/lib/money/format';
import { useErrorText } from './fields';

const STATUS_TONE = { active: 'success', draft: 'muted', archived: 'info' } as const;

/**
 * The catalog list with checkboxes and a bulk status change. The change asks for confirmation
 * first, then runs as one transaction (one audit row per product) and refreshes the page.
 */
export function ProductTable({
  items,
  currency,
  locale,
}: {
  items: AdminProductRow[];
  currency: string;
  locale: string;
}) {
  const t = useTranslations('admin.catalog.list');
  const tStatus = useTranslations('admin.catalog.status');
  const tKind = useTranslations('common.kind');
  const tFormat = useTranslations('common.format');
  const errorText = useErrorText();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const selectAllRef = useRef<HTMLInputElement>(null);
  const date = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { dateStyle: 'medium' });

  const all = items.length > 0 && items.every((item) => selected.has(item.id));
  const some = items.some((item) => selected.has(item.id));
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = some && !all;
  }, [some, all]);

  const toggle = (id: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const apply = () => {
    const form = new FormData();
    for (const id of selected) form.append('ids', String(id));
    form.set('status', status);
    startTransition(async () => {
      const outcome = await updateProductsStatusAction(null, form);
      setConfirming(false);
      if (outcome?.ok) {
        setResult({ ok: true, text: t('bulkDone', { count: outcome.changed, status: tStatus(status) }) });
        setSelected(new Set());
        router.refresh();
      } else {
        const key = outcome?.fieldErrors ? Object.values(outcome.fieldErrors)[0] : outcome?.error;
        setResult({ ok: false, text: errorText(key ?? 'invalid') ?? '' });
      }
    });
  };

  const price = (row: AdminProductRow) => {
    if (row.minPriceMinor === null) return '—';
    const low = formatMoney(row.minPriceMinor, currency, locale);
    return row.maxPriceMinor !== null && row.maxPriceMinor !== row.minPriceMinor
      ? `${low} – ${formatMoney(row.maxPriceMinor, currency, locale)}`
      : low;
  };

  return (
    <div>
      <div
        role="group"
        aria-label={t('bulkLabel')}
        className="flex flex-wrap items-end gap-2 rounded-lg border border-stone-200 bg-white p-3"
      >
        <p className="mr-auto text-sm text-stone-700" aria-live="polite">
          {t('selected', { count: selected.size })}
        </p>
        <label className="text-sm">
          <span className="mr-2">{t('setStatus')}</span>
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setConfirming(false);
            }}
            className="rounded-lg border border-stone-300 px-2 py-1.5 text-sm"
          >
            <option value="">{t('chooseStatus')}</option>
            {(['active', 'draft', 'archived'] as const).map((value) => (
              <option key={value} value={value}>
                {tStatus(value)}
              </option>
            ))}
          </select>
        </label>
        <Button
          type="button"
          variant="secondary"
          disabled={selected.size === 0 || !status || pending}
          onClick={() => {
            setResult(null);
            setConfirming(true);
          }}
        >
          {t('apply')}
        </Button>
      </div>
      {confirming && (
        <ConfirmPanel
          role="alertdialog"
          question={t('confirm', { count: selected.size, status: tStatus(status) })}
          confirm={t('confirmYes')}
          cancel={t('confirmNo')}
          onConfirm={apply}
          onCancel={() => setConfirming(false)}
          pending={pending}
          className="mt-2 flex flex-wrap items-center gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm"
        />
      )}
      <p role="status" className={`mt-2 text-sm ${result?.ok === false ? 'text-brand-700' : 'text-emerald-800'}`}>
        {result?.text}
      </p>

      <DataTable
        variant="compact"
        wrapperClassName="mt-2 overflow-x-auto rounded-lg border border-stone-200 bg-white"
        minWidth="min-w-[48rem]"
        caption={t('caption')}
        rows={items}
        rowKey={(row) => row.id}
        rowClassName={(row) => (selected.has(row.id) ? 'bg-brand-50/40' : undefined)}
        columns={[
          {
            key: 'select',
            headerClassName: 'w-10',
            header: (
              <input
                ref={selectAllRef}
                type="checkbox"
                className="size-4"
                checked={all}
                onChange={(e) => setSelected(e.target.checked ? new Set(items.map((i) => i.id)) : new Set())}
                aria-label={t('selectAll')}
              />
            ),
            cell: (row) => (
              <input
                type="checkbox"
                className="size-4"
                checked={selected.has(row.id)}
                onChange={(e) => toggle(row.id, e.target.checked)}
                aria-label={t('select', { title: row.title })}
              />
            ),
          },
          {
            key: 'product',
            header: t('product'),
            cell: (row) => (
              <div className="flex items-center gap-3">
                {row.coverUrl ? (
                  // eslint-disable-next-line @next/next/no-img-element -- a small thumbnail
                  <img
                    src={thumbnailUrlOf(row.coverUrl) ?? row.coverUrl}
                    alt=""
                    loading="lazy"
                    className="size-10 shrink-0 rounded bg-stone-100 object-cover"
                  />
                ) : (
                  <span aria-hidden className="size-10 shrink-0 rounded bg-stone-100" />
                )}
                <div className="min-w-0">
                  <Link href={`/admin/products/${row.id}`} className="font-medium text-brand-700 hover:underline">
                    {row.title}
                  </Link>
                  {row.originalTitle && <p className="truncate text-xs text-stone-500">{row.originalTitle}</p>}
                </div>
              </div>
            ),
          },
          { key: 'kind', header: t('kind'), className: 'whitespace-nowrap', cell: (row) => tKind(row.kind) },
          {
            key: 'status',
            header: t('status'),
            cell: (row) => <Badge tone={STATUS_TONE[row.status]}>{tStatus(row.status)}</Badge>,
          },
          {
            key: 'editions',
            header: t('editions'),
            className: 'text-stone-700',
            cell: (row) =>
              row.formats.length ? row.formats.map((f) => tFormat(f as never)).join(', ') : t('noEditions'),
          },
          {
            key: 'price',
            header: t('price'),
            align: 'right',
            className: 'whitespace-nowrap tabular-nums',
            cell: (row) => price(row),
          },
          { key: 'stock', header: t('stock'), align: 'right', className: 'tabular-nums', cell: (row) => row.stock },
          {
            key: 'updated',
            header: t('updated'),
            className: 'whitespace-nowrap text-stone-600',
            cell: (row) => date.format(new Date(row.updatedAt)),
          },
        ]}
      />
    </div>
  );
}
