/**
 * Locales of the store. The URL never carries the locale: proxy.ts picks it from the NEXT_LOCALE
 * cookie, then Accept-Language, and rewrites to the internal /[locale]/… route so that every page
 * is still rendered statically once per locale.
 */
export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_COOKIE = 'NEXT_LOCALE';

/** BCP 47 tags for <html lang>, Intl formatting and Open Graph. */
export const LOCALE_TAGS: Record<Locale, string> = { en: 'en-US', zh: 'zh-CN' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A stored locale (an order's, an account's) as a supported one: anything unknown is the default. */
export function toLocale(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** Maps a language tag (zh-Hans-CN, en-GB, zh) to a supported locale, or null. */
function matchTag(tag: string): Locale | null {
  const language = tag.trim().toLowerCase().split('-')[0];
  return isLocale(language) ? language : null;
}

/** The cookie when it names a supported locale, else the best Accept-Language match, else English. */
export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookie)) return cookie;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .slice(0, 500)
      .split(',')
      .map((part, index) => {
        const [tag = '', ...params] = part.split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        const quality = q ? Number.parseFloat(q.slice(2)) : 1;
        return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
      })
      .filter((entry) => entry.quality > 0)
      .sort((a, b) => b.quality - a.quality || a.index - b.index);
    for (const { tag } of ranked) {
      const match = matchTag(tag);
      if (match) return match;
    }
  }
  return DEFAULT_LOCALE;
}
