'use server';

import { actionArg, INVALID_INPUT, valueAction } from '@/lib/http/action';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/config';

const localeSchema = z.enum(LOCALES);

/** Remembers the shopper's language in a cookie for a year; proxy.ts reads it on every request. */
export const setLocaleAction = valueAction(
  'setLocale',
  z.tuple([actionArg]),
  async (locale: unknown): Promise<{ ok: boolean }> => {
    const parsed = localeSchema.safeParse(locale);
    if (!parsed.success) return { ok: false };
    (await cookies()).set(LOCALE_COOKIE, parsed.data, {
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
      sameSite: 'lax',
    });
    return { ok: true };
  },
  INVALID_INPUT,
);
