import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { RootDocument, SECURE_CLIENT_NAMESPACES, storeMetadata } from '@/components/store/root-document';
import { LOCALES } from '@/lib/i18n/config';
import { resolveLocale } from '@/lib/i18n/server';
import '../../globals.css';

// Root layout of per-user pages (sign-in, account, admin, cart, checkout). Rendered for every request
// and never cached, so that each response carries its own CSP nonce (set by proxy.ts; Next adds it
// to its scripts) and nothing personal is ever stored in a shared cache.
type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

export const instant = false;
// Partial Prefetching (see the product page): without it, the client-side navigation that ends a
// password reset (router.push to /login?reset=1) no longer showed the sign-in page's message.
export const prefetch = 'partial';

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Pick<Props, 'params'>): Promise<Metadata> {
  return { ...(await storeMetadata(await resolveLocale(params))), robots: { index: false, follow: false } };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#fafaf9' };

export default async function SecureLayout({ children, params }: Props) {
  await connection();
  return (
    <RootDocument locale={await resolveLocale(params)} clientNamespaces={SECURE_CLIENT_NAMESPACES}>
      {children}
    </RootDocument>
  );
}
