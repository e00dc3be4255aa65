import type { Locale } from '@/lib/i18n/config';
import en from '@/lib/i18n/messages/en.json';
import zh from '@/lib/i18n/messages/zh.json';

const LABELS: Record<Locale, Record<string, string>> = { en: en.common.format, zh: zh.common.format };

/**
 * The name of an edition format ("vinyl" → "Vinyl" / "黑胶唱片") outside React: in mails and in
 * payment pages. Components use the `common.format` messages directly.
 */
export function formatLabel(format: string, locale: Locale): string {
  return LABELS[locale][format] ?? format;
}
