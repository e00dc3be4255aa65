import { describe, expect, it } from 'vitest';
import { negotiateLocale } from '@/lib/i18n/config';
import { formatMoney, minorUnitsPerMajor } from '@/lib/money/format';
import { MESSAGES } from '@/lib/i18n/messages';

const { en, zh } = MESSAGES;

describe('negotiateLocale', () => {
  it('prefers a valid cookie', () => {
    expect(negotiateLocale('zh', 'en-US,en;q=0.9')).toBe('zh');
  });
  it('falls back to Accept-Language by quality', () => {
    expect(negotiateLocale(undefined, 'fr-FR,zh-CN;q=0.8,en;q=0.5')).toBe('zh');
    expect(negotiateLocale('klingon', 'zh-Hans-CN')).toBe('zh');
    expect(negotiateLocale(undefined, 'en;q=0.2, zh;q=0.9')).toBe('zh');
  });
  it('defaults to English for anything else', () => {
    expect(negotiateLocale(undefined, null)).toBe('en');
    expect(negotiateLocale(undefined, 'de-DE,fr;q=0.5')).toBe('en');
    expect(negotiateLocale(undefined, ';;;q=,,,')).toBe('en');
    expect(negotiateLocale(undefined, 'zh;q=0')).toBe('en');
  });
});

describe('formatMoney', () => {
  it('formats minor units per currency and locale', () => {
    expect(formatMoney(1299, 'USD', 'en-US')).toBe('$12.99');
    expect(formatMoney(1299, 'USD', 'zh-CN')).toBe('US$12.99');
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
    expect(minorUnitsPerMajor('JPY')).toBe(1);
    expect(minorUnitsPerMajor('EUR')).toBe(100);
  });
});

describe('messages', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
  it('English and Chinese have the same keys, none empty', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    for (const messages of [en, zh]) {
      const flat = keys(messages);
      expect(flat.length).toBeGreaterThan(100);
    }
  });
});
