import { redirect } from 'next/navigation';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { actionArg, formAction, INVALID_INPUT, valueAction } from '@/lib/http/action';
import { only } from '@/tests/support/lists';

const requestHeaders = { current: new Headers() };
vi.mock('next/headers', () => ({ headers: async () => requestHeaders.current }));

afterEach(() => {
  vi.restoreAllMocks();
  requestHeaders.current = new Headers();
});

type State = { ok: boolean; error?: string; fieldErrors?: Record<string, string> };

describe('formAction', () => {
  const run = vi.fn(async (formData: FormData): Promise<State> => ({ ok: formData.get('x') === '1' }));
  const action = formAction('test', run, INVALID_INPUT);

  it('runs with (previous state, FormData)', async () => {
    const form = new FormData();
    form.set('x', '1');
    expect(await action(null, form)).toEqual({ ok: true });
  });

  it('answers a call of the wrong shape with the invalid result, without running the action', async () => {
    run.mockClear();
    const calls: unknown[][] = [[], [null], [null, 'x=1'], [null, { x: '1' }], [null, new FormData(), 'extra']];
    for (const args of calls) {
      expect(await (action as (...a: unknown[]) => Promise<State>)(...args)).toEqual(INVALID_INPUT);
    }
    expect(run).not.toHaveBeenCalled();
  });
});

describe('valueAction', () => {
  const run = vi.fn(async (id: unknown, quantity: unknown = 1): Promise<State> => ({
    ok: true,
    error: `${id}×${quantity}`,
  }));
  const action = valueAction('test', z.tuple([actionArg, actionArg.optional()]), run, INVALID_INPUT) as (
    ...args: unknown[]
  ) => Promise<State>;

  it('runs with arguments of the declared shape; optional ones may be left out', async () => {
    expect(await action(7, 2)).toEqual({ ok: true, error: '7×2' });
    expect(await action('7')).toEqual({ ok: true, error: '7×1' });
  });

  it('refuses objects, arrays, extra arguments, huge strings and control characters', async () => {
    run.mockClear();
    for (const args of [[], [{ id: 7 }], [[7]], [7, 1, 'extra'], ['x'.repeat(1001)], ['7\u0000'], [undefined]]) {
      expect(await action(...args), JSON.stringify(args)).toEqual(INVALID_INPUT);
    }
    expect(run).not.toHaveBeenCalled();
  });

  it('with form fields, is also a form action: the fields become the arguments, through the same schema', async () => {
    const formRun = vi.fn(run);
    const both = valueAction('test', z.tuple([actionArg, actionArg.optional()]), formRun, INVALID_INPUT, [
      'id',
      'quantity',
    ]);
    const form = (entries: Record<string, string | Blob>) => {
      const data = new FormData();
      for (const [name, value] of Object.entries(entries)) data.set(name, value);
      return data;
    };
    expect(await both(7, 2)).toEqual({ ok: true, error: '7×2' });
    expect(await both({ ok: true }, form({ id: '7', quantity: '3' }))).toEqual({ ok: true, error: '7×3' });
    expect(await both(null, form({ id: '7' }))).toEqual({ ok: true, error: '7×1' });
    formRun.mockClear();
    for (const data of [form({ id: 'x'.repeat(1001) }), form({ id: '7\u0000' }), form({ id: new Blob(['7']) })]) {
      expect(await both(null, data)).toEqual(INVALID_INPUT);
    }
    // Without form fields, FormData is not a value: refused.
    expect(await action(null, form({ id: '7' }))).toEqual(INVALID_INPUT);
    expect(formRun).not.toHaveBeenCalled();
  });
});

describe('unexpected errors', () => {
  it('are logged once with the request id, and the caller learns nothing but that id', async () => {
    requestHeaders.current = new Headers({ 'x-request-id': 'req-123' });
    const logged: unknown[][] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    const action = formAction(
      'explode',
      async (): Promise<State> => {
        throw new Error('secret database detail');
      },
      INVALID_INPUT,
    );
    const error = await action(null, new FormData()).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('Unexpected error (request req-123)');
    expect(String((error as Error).stack)).not.toContain('secret database detail');
    expect(logged).toHaveLength(1);
    const [message, cause] = only(logged);
    expect(message).toBe('[encore] action explode failed (request req-123):');
    expect((cause as Error).message).toBe('secret database detail');
  });

  it('a fresh id when the request has none', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const action = valueAction(
      'explode',
      z.tuple([]),
      async (): Promise<State> => {
        throw new TypeError('boom');
      },
      INVALID_INPUT,
    );
    await expect(action()).rejects.toThrow(/^Unexpected error \(request [0-9a-f-]{36}\)$/);
  });

  it("let Next's redirects through untouched", async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const action = formAction(
      'go',
      async (): Promise<State> => {
        redirect('/orders/EN-1');
      },
      INVALID_INPUT,
    );
    await expect(action(null, new FormData())).rejects.toMatchObject({
      digest: expect.stringContaining('NEXT_REDIRECT'),
    });
    expect(logged).not.toHaveBeenCalled();
  });
});
