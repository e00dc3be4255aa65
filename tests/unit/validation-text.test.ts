import { describe, expect, it } from 'vitest';
import { addressSchema, displayNameSchema, registerSchema } from '@/lib/accounts/validation';
import { readAdminProductFilters } from '@/lib/admin/catalog/validation';
import { auditFiltersSchema } from '@/lib/admin/audit-log/validation';
import { customerFiltersSchema } from '@/lib/admin/customers/validation';
import { readOrderFilters } from '@/lib/admin/orders/validation';
import { reviewFiltersSchema } from '@/lib/admin/reviews/validation';
import { parseBrowseParams } from '@/lib/catalog/validation';
import { isSafeText, queryText, safeString, text } from '@/lib/validation/text';

const CONTROLS = ['\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\u009f'];
const LONE_SURROGATES = ['\ud800', 'a\udc00b', '\udfff\ud800'];

describe('the shared text rule', () => {
  it('refuses control characters and lone surrogates anywhere in the text', () => {
    for (const bad of [...CONTROLS, ...LONE_SURROGATES]) {
      expect(isSafeText(`ok${bad}`), JSON.stringify(bad)).toBe(false);
      expect(isSafeText(`${bad}ok`, { multiline: true }), JSON.stringify(bad)).toBe(false);
    }
  });

  it('accepts ordinary text in any script, emoji (surrogate pairs) and punctuation', () => {
    for (const good of ['Björk', '月光小夜曲', 'ドラゴン', '🎸 rock & roll', '<b>"x"</b>', 'a\u00a0b', '']) {
      expect(isSafeText(good)).toBe(true);
    }
  });

  it('allows tab and line breaks only in multi-line text', () => {
    for (const value of ['a\tb', 'a\nb', 'a\r\nb']) {
      expect(isSafeText(value)).toBe(false);
      expect(isSafeText(value, { multiline: true })).toBe(true);
    }
  });

  it('as a zod string: one message for bad text, then trim and length as usual', () => {
    expect(text(5).safeParse('  abc  ').data).toBe('abc');
    expect(
      text(5)
        .safeParse('abcdef')
        .error?.issues.map((i) => i.message),
    ).toEqual(['tooLong']);
    expect(
      text(5)
        .safeParse('a\u0000bcdefgh')
        .error?.issues.map((i) => i.message),
    ).toEqual(['textInvalid']);
    expect(text(5, { error: 'nameInvalid' }).safeParse(42).error?.issues[0]?.message).toBe('nameInvalid');
    expect(safeString({ multiline: true }).safeParse('a\r\nb\rc').data).toBe('a\nb\nc');
  });

  it('reads URL parameters leniently: bad text is no text', () => {
    expect(queryText('  jazz ', 10)).toBe('jazz');
    expect(queryText(['first', 'second'], 10)).toBe('first');
    expect(queryText('abcdefghijkl', 4)).toBe('abcd');
    expect(queryText('ja\u0000zz', 10)).toBe('');
    expect(queryText(undefined, 10)).toBe('');
    expect(queryText({ q: 1 }, 10)).toBe('');
  });
});

describe('every schema uses the rule', () => {
  it('registration and addresses give a field error for NUL', () => {
    const register = registerSchema.safeParse({
      username: 'nul_user',
      email: 'nul@example.com',
      password: 'correct horse battery',
      displayName: 'Eve\u0000',
    });
    expect(register.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['displayName', 'textInvalid']]);
    expect(displayNameSchema.safeParse('\ud800').success).toBe(false);
    const address = { fullName: 'A', line1: 'B', city: 'C', postalCode: '1', country: 'GB' };
    for (const field of ['fullName', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'phone']) {
      const parsed = addressSchema.safeParse({ ...address, [field]: '1\u0000' });
      expect(
        parsed.error?.issues.map((i) => [i.path[0], i.message]),
        field,
      ).toEqual([[field, 'textInvalid']]);
    }
  });

  it('admin list filters and searches drop a value with NUL', () => {
    const q = 'EN-1\u0000';
    expect(readAdminProductFilters({ q }).q).toBe('');
    expect(readOrderFilters({ q }).q).toBe('');
    expect(customerFiltersSchema.parse({ q }).q).toBe('');
    expect(reviewFiltersSchema.parse({ product: q }).product).toBe('');
    expect(auditFiltersSchema.parse({ entity: q, entityId: q, action: q })).toMatchObject({
      entity: '',
      entityId: '',
      action: '',
    });
  });

  it('the catalog search turns control characters into spaces (cleanQuery), on pages and in the API', () => {
    expect(parseBrowseParams({ q: 'neon\u0000harbour' })).toMatchObject({ ok: true, filters: { q: 'neon harbour' } });
    expect(parseBrowseParams(new URLSearchParams('q=%00%01'), { strict: true })).toMatchObject({
      ok: true,
      filters: { q: undefined },
    });
  });
});
