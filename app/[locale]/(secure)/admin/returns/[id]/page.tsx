import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AdminReturnView } from '@/components/admin/orders/return-view';
import { getReturnForAdmin } from '@/lib/admin/returns/queries';
import { resolveLocale } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = { params: Promise<{ locale: string; id: string }> };

const returnId = async (params: Props['params']) => {
  const { id } = await params;
  return /^\d{1,9}$/.test(id) ? Number(id) : null;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'admin.returns' });
  const id = await returnId(params);
  return { title: id ? t('number', { id }) : t('title') };
}

/** One return request: approve or reject it, then mark it received (stock back, refund out). */
export default async function AdminReturnPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const id = await returnId(params);
  const ret = id ? await getReturnForAdmin(id) : null;
  if (!ret) notFound();
  return <AdminReturnView ret={ret} locale={locale} />;
}
