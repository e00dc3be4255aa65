import { describe, expect, it } from 'vitest';
import { assertReadyForProduction, embeddedDatabaseProblem, parseEnv, productionProblems } from '@/lib/env';

const SECRET = 'x'.repeat(44);
const KEYS = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
/** A complete production configuration on PostgreSQL with Stripe. */
const READY = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://shop@db.example.com/encore',
  NEXTAUTH_SECRET: SECRET,
  ENCRYPTION_KEYS: KEYS,
  STRIPE_SECRET_KEY: 'sk_live_abc',
};

const problems = (vars: Record<string, string | undefined>) => productionProblems(parseEnv(vars));

describe('production start-up checks', () => {
  it('accepts a complete production configuration, and asks nothing of development or tests', () => {
    expect(problems(READY)).toEqual([]);
    expect(() => assertReadyForProduction(parseEnv(READY))).not.toThrow();
    expect(problems({})).toEqual([]);
    expect(problems({ NODE_ENV: 'test' })).toEqual([]);
  });

  it('refuses the embedded database unless EMBEDDED_DATABASE=1 chose it', () => {
    const embedded = { ...READY, DATABASE_URL: undefined, ENCRYPTION_KEYS: undefined };
    expect(problems(embedded)).toEqual([
      expect.stringMatching(/^DATABASE_URL: is required in production; .*set EMBEDDED_DATABASE=1/),
    ]);
    expect(problems({ ...embedded, EMBEDDED_DATABASE: '1' })).toEqual([]);
    expect(problems({ ...embedded, EMBEDDED_DATABASE: '0' })).toHaveLength(1);
    expect(embeddedDatabaseProblem(parseEnv({ ...embedded, EMBEDDED_DATABASE: 'true' }))).toBeNull();
    expect(() => parseEnv({ EMBEDDED_DATABASE: 'yes please' })).toThrow(/EMBEDDED_DATABASE: must be 1 \(on\) or 0/);
  });

  it('refuses to start without NEXTAUTH_SECRET, on either database', () => {
    expect(problems({ ...READY, NEXTAUTH_SECRET: undefined })).toEqual([
      expect.stringMatching(/^NEXTAUTH_SECRET: is required in production .*openssl rand -base64 32/),
    ]);
    expect(
      problems({ ...READY, DATABASE_URL: '', ENCRYPTION_KEYS: '', EMBEDDED_DATABASE: '1', NEXTAUTH_SECRET: '' }),
    ).toEqual([expect.stringMatching(/^NEXTAUTH_SECRET/)]);
  });

  it('says up front that ENCRYPTION_KEYS is needed with DATABASE_URL', () => {
    expect(problems({ ...READY, ENCRYPTION_KEYS: undefined })).toEqual([
      expect.stringMatching(/^ENCRYPTION_KEYS: is required with DATABASE_URL in production/),
    ]);
  });

  it('refuses the demo payment provider unless DEMO_PAYMENTS=1 switched it on', () => {
    const demo = { ...READY, STRIPE_SECRET_KEY: undefined };
    expect(problems(demo)).toEqual([
      expect.stringMatching(/^STRIPE_SECRET_KEY: is required in production; .*set DEMO_PAYMENTS=1/),
    ]);
    expect(problems({ ...demo, DEMO_PAYMENTS: '1' })).toEqual([]);
    // Both at once is a contradiction in any environment: Stripe would take the payments anyway.
    expect(() => parseEnv({ DEMO_PAYMENTS: '1', STRIPE_SECRET_KEY: 'sk_test_x' })).toThrow(
      /DEMO_PAYMENTS: cannot be combined with STRIPE_SECRET_KEY/,
    );
  });

  it('lists every problem in one message that names the variables', () => {
    expect(() => assertReadyForProduction(parseEnv({ NODE_ENV: 'production' }))).toThrow(
      /refuses to start in production[\s\S]*DATABASE_URL[\s\S]*NEXTAUTH_SECRET[\s\S]*STRIPE_SECRET_KEY[\s\S]*README\.md/,
    );
  });

  it('reads the retention ages with their defaults and bounds', () => {
    expect(parseEnv({})).toMatchObject({
      RETAIN_MAIL_DAYS: 30,
      RETAIN_RATE_LIMITS_DAYS: 1,
      RETAIN_GUEST_CARTS_DAYS: 60,
      RETAIN_VISITOR_EVENTS_DAYS: 90,
    });
    expect(parseEnv({ RETAIN_MAIL_DAYS: '7' }).RETAIN_MAIL_DAYS).toBe(7);
    expect(() => parseEnv({ RETAIN_MAIL_DAYS: '0' })).toThrow(/RETAIN_MAIL_DAYS: must be between 1 and 3650/);
  });
});
