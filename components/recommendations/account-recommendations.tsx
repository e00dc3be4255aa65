import type { Locale } from '@/lib/i18n/config';

/** Recommendations on the account overview. */
export async function AccountRecommendations(_props: { locale: Locale }) {
  return null;
}
