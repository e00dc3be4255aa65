import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RecordHeader } from '@/components/admin/list-parts';
import { AddCopiesForm, CopyChangeForm } from '@/components/admin/rentals/copy-forms';
import { Badge } from '@/components/ui/badge';
import { Section } from '@/components/ui/card';
import { type Column, DataTable } from '@/components/ui/data-table';
import { formatLabel } from '@/lib/catalog/format-label';
import { resolveLocale } from '@/lib/i18n/server';
import { type CopyRow, getRentalEdition } from '@/lib/admin/rentals/queries';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = { params: Promise<{ locale: string; editionId: string }> };

const editionIdOf = async (params: Props['params']) => {
  const { editionId } = await params;
  return /^\d{1,9}$/.test(editionId) ? Number(editionId) : null;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'admin.rentals.copies' });
  const id = await editionIdOf(params);
  // The layout answers non-admins (sign-in or 403); the title must not fail before it does.
  const found = id ? await getRentalEdition(id).catch(() => null) : null;
  return { title: found ? t('editionTitle', { title: found.edition.productTitle }) : t('title') };
}

const TONES = { available: 'success', reserved: 'info', out: 'info', returned_pending_check: 'brand' } as const;

/** One rentable edition's copies: code, grade, state, and what the desk may do to each; add copies by code. */
export default async function AdminEditionCopiesPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const id = await editionIdOf(params);
  const found = id ? await getRentalEdition(id) : null;
  if (!found) notFound();
  const { edition, copies } = found;
  const t = await getTranslations({ locale, namespace: 'admin.rentals.copies' });
  const columns: Column<CopyRow>[] = [
    { key: 'code', header: t('columns.code'), rowHeader: true, className: 'font-mono text-xs', cell: (c) => c.code },
    { key: 'grade', header: t('grade'), cell: (c) => t(`grades.${c.grade}`) },
    {
      key: 'status',
      header: t('columns.status'),
      cell: (c) => (
        <Badge tone={c.status in TONES ? TONES[c.status as keyof typeof TONES] : 'muted'}>
          {t(`statuses.${c.status}`)}
        </Badge>
      ),
    },
    {
      key: 'change',
      header: t('columns.change'),
      cell: (c) => <CopyChangeForm key={`${c.code}-${c.status}`} code={c.code} status={c.status} grade={c.grade} />,
    },
  ];
  return (
    <article aria-labelledby="copies-heading" className="space-y-6">
      <RecordHeader
        back={{ href: '/admin/rentals/copies', label: t('backToList') }}
        id="copies-heading"
        title={edition.productTitle}
      >
        <p className="mt-1 text-sm text-stone-600">
          {[formatLabel(edition.format, locale), edition.editionName].filter(Boolean).join(' · ')} ·{' '}
          <span className="font-mono">{edition.sku}</span>
        </p>
        <p className="mt-1 text-sm">
          <Link href={`/admin/stock/${edition.editionId}`} className="text-brand-700 hover:underline">
            {t('stockLink')}
          </Link>
        </p>
      </RecordHeader>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[18rem_1fr]">
        <Section id="add-copies" title={t('addTitle')}>
          <div className="mt-3">
            <AddCopiesForm editionId={edition.editionId} />
          </div>
        </Section>
        <Section id="copies" title={t('listTitle', { count: copies.length })} bare className="min-w-0">
          <DataTable
            columns={columns}
            rows={copies}
            rowKey={(copy) => copy.id}
            empty={t('empty')}
            minWidth="min-w-[36rem]"
          />
        </Section>
      </div>
    </article>
  );
}
