import type { Locale } from '@/lib/i18n/config';

/** The home page's per-user rails ("recommended for you", "because you viewed …"), each with its reason. */
export async function ForYouRails(_props: { locale: Locale }) {
  return null;
}
