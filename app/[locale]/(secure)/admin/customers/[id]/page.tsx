import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CustomerActions } from '@/components/admin/customers/customer-actions';
import { CustomerOrders, CustomerProfile } from '@/components/admin/customers/customer-profile';
import { getCustomer } from '@/lib/admin/customers/queries';
import { adminOrForbidden } from '@/lib/auth/guards';
import { resolveLocale } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = { params: Promise<{ locale: string; id: string }> };

async function load(params: Props['params']) {
  const { id } = await params;
  // Before any query, for the metadata as for the page: sign-in for visitors, 403 for customers.
  const admin = await adminOrForbidden(`/admin/customers/${encodeURIComponent(id)}`);
  const customer = /^\d{1,9}$/.test(id) ? await getCustomer(Number(id)) : null;
  if (!customer) notFound();
  return { customer, admin };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await resolveLocale(params);
  return { title: (await load(params)).customer.username };
}

/** /admin/customers/{id}: an account's profile, orders and lifetime value, and its role and access. */
export default async function AdminCustomerPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { customer, admin } = await load(params);
  const t = await getTranslations({ locale, namespace: 'admin.customers' });
  const isSelf = customer.id === admin.id;
  return (
    <article aria-labelledby="customer-name" className="space-y-5">
      <Link href="/admin/customers" className="text-sm text-brand-700 hover:underline">
        ← {t('back')}
      </Link>
      <CustomerProfile customer={customer} isSelf={isSelf} />
      <CustomerActions
        userId={customer.id}
        name={customer.displayName ?? customer.username}
        role={customer.role}
        status={customer.status}
        isSelf={isSelf}
      />
      <CustomerOrders customer={customer} />
    </article>
  );
}
