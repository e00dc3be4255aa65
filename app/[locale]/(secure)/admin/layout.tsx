import { getTranslations } from 'next-intl/server';
import { AdminFlashProvider } from '@/components/admin/admin-flash';
import { AdminNav } from '@/components/admin/admin-nav';
import { ClientMessages } from '@/components/store/client-messages';
import { SECURE_CLIENT_NAMESPACES } from '@/components/store/root-document';
import { adminOrForbidden } from '@/lib/auth/guards';
import { resolveLocale } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

/** The back office's client components: its own messages besides those of every per-user page. */
// 'RentalKeep': the rental desk's "Mark lost" form.
const ADMIN_CLIENT_NAMESPACES = [...SECURE_CLIENT_NAMESPACES, 'admin', 'RentalKeep'];

// Every /admin page sits in this layout: visitors are sent to sign in, customers get a 403. The
// same check runs again inside every admin action and route handler (requireAdmin).
export default async function AdminLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const locale = await resolveLocale(params);
  await adminOrForbidden('/admin');
  const t = await getTranslations({ locale, namespace: 'admin' });
  return (
    <ClientMessages namespaces={ADMIN_CLIENT_NAMESPACES} locale={locale}>
      <div className="container-page grid grid-cols-1 gap-6 py-6 lg:grid-cols-[13rem_1fr]">
        <aside>
          <p className="mb-3 text-xs font-semibold uppercase tracking-wide text-stone-500">{t('title')}</p>
          <AdminNav />
        </aside>
        <div className="min-w-0">
          <AdminFlashProvider>{children}</AdminFlashProvider>
        </div>
      </div>
    </ClientMessages>
  );
}
