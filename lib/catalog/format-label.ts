import type { Locale } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';

const LABELS: Record<Locale, Record<string, string>> = { en: MESSAGES.en.common.format, zh: MESSAGES.zh.common.format };

/**
 * The name of an edition format ("vinyl" → "Vinyl" / "黑胶唱片") outside React: in mails and in
 * payment pages. Components use the `common.format` messages directly.
 */
export function formatLabel(format: string, locale: Locale): string {
  return LABELS[locale][format] ?? format;
}
