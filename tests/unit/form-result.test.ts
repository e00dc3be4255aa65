import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { actionArg, formAction, INVALID_INPUT, valueAction } from '@/lib/http/action';
import { formResult } from '@/lib/http/form-result';

// One request: its headers, and a cookie jar that shows the action's writes to the page, as Next does.
const request = { headers: new Headers(), set: new Map<string, { value: string; maxAge?: number }>() };
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.set.has(name) ? { name, value: request.set.get(name)!.value } : undefined),
    set: (name: string, value: string, options: { maxAge?: number }) => request.set.set(name, { value, ...options }),
  }),
}));

afterEach(() => {
  request.headers = new Headers();
  request.set.clear();
});

const action = formAction('register', async (formData: FormData) => ({ ok: formData.get('x') === '1' }), INVALID_INPUT);
const form = (x: string) => {
  const data = new FormData();
  data.set('x', x);
  return data;
};

describe('the result of a form posted without JavaScript, for the page rendered after it', () => {
  it('is there for that page, under its action, in a cookie the browser does not keep', async () => {
    request.headers = new Headers({ 'content-type': 'multipart/form-data; boundary=x' });
    expect(await action(null, form('1'))).toEqual({ ok: true });
    expect(await formResult('register')).toEqual({ ok: true });
    expect(await formResult('saveReview')).toBeNull();
    expect([...request.set.values()].map((cookie) => cookie.maxAge)).toEqual([0]);
  });

  it('is not kept when the script sent the action (it gets the answer itself), nor found by a made-up id', async () => {
    request.headers = new Headers({ 'content-type': 'multipart/form-data; boundary=x', 'next-action': 'abc' });
    await action(null, form('1'));
    expect(request.set.size).toBe(0);
    expect(await formResult('register')).toBeNull();
    request.set.set('encore-form-result', { value: 'made-up' });
    expect(await formResult('register')).toBeNull();
  });

  it('is kept for a value action called as a form, not for one called with its values', async () => {
    const remove = valueAction(
      'removeCartLine',
      z.tuple([actionArg]),
      async (id) => ({ ok: id === '7' }),
      INVALID_INPUT,
      ['lineId'],
    ) as (...args: unknown[]) => Promise<{ ok: boolean }>;
    request.headers = new Headers({ 'content-type': 'multipart/form-data; boundary=x' });
    await remove('7');
    expect(request.set.size).toBe(0);
    const data = new FormData();
    data.set('lineId', '7');
    await remove(null, data);
    expect(await formResult('removeCartLine')).toEqual({ ok: true });
  });
});
