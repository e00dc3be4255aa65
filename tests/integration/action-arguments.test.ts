import { execSync } from 'node:child_process';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INVALID_INPUT } from '@/lib/http/action';
import { requestContext } from '../support/request-context';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

beforeEach(() => requestContext.reset());

// Issue 14.4: any server action can be called with any arguments (placeOrderAction without form data
// was a TypeError and a 500). Every export of every 'use server' module goes through lib/http/action.ts
// and answers a call of the wrong shape with the invalid result, changing nothing.
const modules = execSync(`grep -rl "^'use server'" lib`, { encoding: 'utf8' }).trim().split('\n').sort();

describe('server action arguments', () => {
  it('finds the action modules', () => {
    expect(modules).toContain('lib/actions/checkout.ts');
    expect(modules.length).toBeGreaterThanOrEqual(15);
  });

  it.each(modules)('%s: every action refuses arguments of the wrong shape', async (file) => {
    const actions = Object.entries(await import(`@/${file.replace(/\.ts$/, '')}`)).filter(
      ([, value]) => typeof value === 'function',
    ) as [string, (...args: unknown[]) => Promise<unknown>][];
    expect(actions.length).toBeGreaterThan(0);
    for (const [name, action] of actions) {
      const wrong: unknown[][] = [
        [{ evil: true }, { evil: true }, { evil: true }],
        [null, { evil: true }],
      ];
      for (const args of wrong)
        expect(await action(...args), `${name}(${JSON.stringify(args)})`).toEqual(INVALID_INPUT);
    }
  });

  it('the checkout without form data', async () => {
    const { placeOrderAction } = await import('@/lib/actions/checkout');
    const call = placeOrderAction as (...args: unknown[]) => Promise<unknown>;
    expect(await call(null)).toEqual(INVALID_INPUT);
    expect(await call(null, 'line1=x')).toEqual(INVALID_INPUT);
  });
});
