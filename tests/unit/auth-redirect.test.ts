import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '@/lib/http/redirect';

describe('safeRedirectPath', () => {
  it.each([
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' /account',
    '/account\n',
    'http:/evil.example',
    '',
    '%2F%2Fevil.example',
    'x'.repeat(5000),
  ])('sends %j to /', (target) => {
    expect(safeRedirectPath(target)).toBe('/');
  });
  it('ignores non-strings', () => {
    expect(safeRedirectPath(undefined)).toBe('/');
    expect(safeRedirectPath(['/account'])).toBe('/');
  });
  it('keeps same-origin paths with query and hash', () => {
    expect(safeRedirectPath('/account/orders?page=2#top')).toBe('/account/orders?page=2#top');
    expect(safeRedirectPath('/admin')).toBe('/admin');
  });
});
