'use client';

import { useTranslations } from 'next-intl';

/**
 * Turns an error key from an account action into text: `account.errors.*` first, then the shared
 * `auth.errors.*` (password rules, address fields), else the generic "something went wrong".
 */
export function useErrorText(): (key: string | undefined) => string | null {
  const t = useTranslations('account.errors');
  const auth = useTranslations('auth.errors');
  return (key) => {
    if (!key) return null;
    if (t.has(key)) return t(key);
    if (auth.has(key)) return auth(key);
    return auth('unexpected');
  };
}
