import type { Metadata, Viewport } from 'next';
import { RootDocument, STORE_CLIENT_NAMESPACES, storeMetadata } from '@/components/store/root-document';
import { LOCALES } from '@/lib/i18n/config';
import { resolveLocale } from '@/lib/i18n/server';
import '../../globals.css';

// Root layout of the public catalog: prerendered once per locale and served from the cache.
type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Pick<Props, 'params'>): Promise<Metadata> {
  return storeMetadata(await resolveLocale(params));
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#fafaf9' };

export default async function StoreLayout({ children, params }: Props) {
  return (
    <RootDocument locale={await resolveLocale(params)} clientNamespaces={STORE_CLIENT_NAMESPACES}>
      {children}
    </RootDocument>
  );
}
