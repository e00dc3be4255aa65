import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// lib/clock.ts reads TEST_CLOCK_FILE from the validated environment: each test loads it afresh.
async function clockWith(file: string | undefined) {
  vi.resetModules();
  vi.doMock('@/lib/env', () => ({ env: { TEST_CLOCK_FILE: file } }));
  return import('@/lib/clock');
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-clock-'));
afterEach(() => {
  vi.doUnmock('@/lib/env');
  vi.useRealTimers();
});

describe('the store clock', () => {
  it('is the system clock when TEST_CLOCK_FILE is not set', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T10:00:00Z') });
    const { now } = await clockWith(undefined);
    expect(now().toISOString()).toBe('2026-12-07T10:00:00.000Z');
  });

  it('adds the milliseconds written in the file, read again on every call', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T10:00:00Z') });
    const file = path.join(dir, 'offset');
    const { now } = await clockWith(file);
    expect(now().toISOString()).toBe('2026-12-07T10:00:00.000Z'); // no file yet: no offset
    fs.writeFileSync(file, String(10 * 24 * 60 * 60 * 1000));
    expect(now().toISOString()).toBe('2026-12-17T10:00:00.000Z');
    fs.writeFileSync(file, '\n');
    expect(now().toISOString()).toBe('2026-12-07T10:00:00.000Z');
    fs.writeFileSync(file, 'ten days');
    expect(() => now()).toThrow(/whole number of milliseconds/);
  });
});
