import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth/session';
import { resolveLocale } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'admin' });
  return { title: t('title') };
}

export default async function AdminHome({ params }: Props) {
  const locale = await resolveLocale(params);
  const admin = await requireAdmin();
  const t = await getTranslations({ locale, namespace: 'admin' });
  return (
    <div>
      <h1 className="text-2xl font-black tracking-tight">
        {t('welcome', { name: admin.displayName ?? admin.username })}
      </h1>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2">
        <li>
          <Link
            href="/admin/mail"
            className="block rounded-xl border border-stone-200 bg-white p-4 hover:border-stone-400"
          >
            <span className="font-semibold">{t('nav.mail')}</span>
            <span className="mt-1 block text-sm text-stone-600">{t('mailHint')}</span>
          </Link>
        </li>
      </ul>
    </div>
  );
}
