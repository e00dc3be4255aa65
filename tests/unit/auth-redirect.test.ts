import { describe, expect, it } from 'vitest';
import { callbackPath, safeRedirectPath } from '@/lib/http/redirect';

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

describe('callbackPath', () => {
  it("keeps only the path of next-auth's callbackUrl", () => {
    expect(callbackPath('http://localhost:3000/checkout?step=2')).toBe('/checkout?step=2');
    expect(callbackPath('/account/orders')).toBe('/account/orders');
    expect(callbackPath('https://evil.example/account')).toBe('/account');
  });
  it.each([undefined, '', 'javascript:alert(1)', 'http://[bad', `/${'x'.repeat(5000)}`])('sends %j to /', (url) => {
    expect(callbackPath(url)).toBe('/');
  });
});
