import { z } from 'zod';

/**
 * The one place that reads `process.env`. Parsed once, at start (instrumentation.ts imports it),
 * so a misconfigured deploy fails with a sentence a deployer understands instead of a stack trace.
 */
const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

/** An optional http(s) URL. */
const httpUrl = (message: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .url(message)
      .regex(/^https?:\/\//, message)
      .optional(),
  );

/** An on/off switch: `1` or `true` is on; unset, `0` or `false` is off. */
const flag = z.preprocess(
  emptyToUndefined,
  z
    .enum(['1', '0', 'true', 'false'], { message: 'must be 1 (on) or 0 (off)' })
    .optional()
    .transform((value) => value === '1' || value === 'true'),
);

const DAYS = 'must be whole numbers of days from 1 to 365, separated by commas';

/** Whether Intl knows the IANA time zone `zone` (Europe/Berlin, UTC…). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An optional whole number with a default and bounds, from a string variable. */
function wholeNumber(fallback: number, min: number, max: number) {
  return z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int(`must be a whole number between ${min} and ${max}`)
      .min(min, `must be between ${min} and ${max}`)
      .max(max, `must be between ${min} and ${max}`)
      .default(fallback),
  );
}

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Set by Next itself while `next build` runs (phase-production-build). */
    NEXT_PHASE: optionalString,
    DATABASE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
        .optional(),
    ),
    PGLITE_DIR: z.preprocess(emptyToUndefined, z.string().default('.data/pglite')),
    /** In production, the embedded database only when chosen on purpose (one process on one machine). */
    EMBEDDED_DATABASE: flag,
    STORE_CURRENCY: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO 4217 code such as USD, EUR or CNY')
        .transform((code) => code.toUpperCase())
        // A typo ("UDS") would otherwise be shown as a currency on every price and refused by Stripe.
        .refine((code) => Intl.supportedValuesOf('currency').includes(code), 'is not an ISO 4217 currency code')
        .default('USD'),
    ),
    SITE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .url('must be the public URL of the store, e.g. https://shop.example.com')
        .default('http://localhost:3000'),
    ),
    SEED_DEMO: z.preprocess(emptyToUndefined, z.enum(['auto', 'never']).default('auto')),
    LOG_SQL: optionalString,
    /** With DATABASE_URL: apply pending migrations when the server starts (one instance at a time). */
    MIGRATE_ON_START: z.preprocess(
      emptyToUndefined,
      z
        .enum(['1', '0', 'true', 'false'], { message: 'must be 1 or 0' })
        .default('0')
        .transform((v) => v === '1' || v === 'true'),
    ),
    /** Megabytes each of Next's in-memory caches (rendered pages, 'use cache' data) may hold. */
    CACHE_MEMORY_MB: wholeNumber(50, 0, 8192),

    // Accounts and sessions
    NEXTAUTH_SECRET: z.preprocess(
      emptyToUndefined,
      z.string().min(32, 'must be at least 32 characters; generate one with `openssl rand -base64 32`').optional(),
    ),
    /** Header set by your reverse proxy or platform with the client IP (x-real-ip, cf-connecting-ip…). */
    TRUSTED_IP_HEADER: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9-]+$/, 'must be a header name such as x-real-ip')
        .transform((name) => name.toLowerCase())
        .optional(),
    ),
    /** Keys that encrypt personal data at rest: `id:base64key,…`; the first encrypts, all decrypt. */
    ENCRYPTION_KEYS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .superRefine((raw, context) => {
          try {
            parseKeyList(raw);
          } catch (error) {
            context.addIssue({ code: 'custom', message: (error as Error).message });
          }
        })
        .optional(),
    ),
    GITHUB_ID: optionalString,
    GITHUB_SECRET: optionalString,
    GOOGLE_ID: optionalString,
    GOOGLE_SECRET: optionalString,
    ADMIN_PASSWORD: optionalString,

    /** Bearer token that /api/cron/tick requires (Vercel Cron sends it); unset disables the route. */
    CRON_SECRET: z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),

    // Cart, checkout and payments (amounts in minor units of STORE_CURRENCY)
    CART_MAX_QUANTITY: wholeNumber(10, 1, 99),
    // 35: a Stripe Checkout Session lives at least 30 minutes; the order outlives it, so a late payment is never orphaned.
    ORDER_PAYMENT_MINUTES: wholeNumber(35, 5, 24 * 60),
    /** Payment window of guest orders (shorter: they release stock sooner); unset: 15, or 30 with Stripe. */
    ORDER_GUEST_PAYMENT_MINUTES: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number()
        .int('must be a whole number between 5 and 1440')
        .min(5, 'must be between 5 and 1440')
        .max(24 * 60, 'must be between 5 and 1440')
        .optional(),
    ),
    /** Most unpaid orders at once per visitor (account or cart cookie), per email address and per client IP. */
    ORDER_UNPAID_PER_VISITOR: wholeNumber(3, 1, 100),
    ORDER_UNPAID_PER_EMAIL: wholeNumber(3, 1, 100),
    ORDER_UNPAID_PER_IP: wholeNumber(10, 1, 10_000),
    /** How long the key in an order link (mails, checkout) works; a new link can be mailed from the order page. */
    ORDER_LINK_DAYS: wholeNumber(90, 1, 3650),
    SHIPPING_STANDARD_MINOR: wholeNumber(499, 0, 1_000_000),
    SHIPPING_EXPRESS_MINOR: wholeNumber(1499, 0, 1_000_000),
    FREE_SHIPPING_OVER_MINOR: wholeNumber(5000, 0, 100_000_000),
    TAX_RATE_PERCENT: z.preprocess(
      emptyToUndefined,
      z.coerce.number().min(0, 'must be between 0 and 50').max(50, 'must be between 0 and 50').default(0),
    ),
    TAX_INCLUSIVE: z.preprocess(
      emptyToUndefined,
      z
        .enum(['true', 'false'])
        .default('false')
        .transform((v) => v === 'true'),
    ),
    STRIPE_SECRET_KEY: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^(sk|rk)_(test|live)_/, 'must be a Stripe secret key (sk_test_… or sk_live_…)')
        .optional(),
    ),
    STRIPE_WEBHOOK_SECRET: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^whsec_/, 'must start with whsec_')
        .optional(),
    ),
    /** Payment methods offered in Stripe Checkout: card, alipay, wechat_pay (comma-separated). */
    STRIPE_PAYMENT_METHODS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default('card')
        .transform((v) =>
          v
            .split(',')
            .map((m) => m.trim())
            .filter(Boolean),
        )
        .pipe(
          z.array(z.enum(['card', 'alipay', 'wechat_pay'], { message: 'use card, alipay and/or wechat_pay' })).min(1),
        ),
    ),
    /** In production, the demo payment provider (nothing is charged) only when switched on on purpose. */
    DEMO_PAYMENTS: flag,
    /** Only for end-to-end tests: a file holding milliseconds added to the store's clock (lib/clock.ts). */
    TEST_CLOCK_FILE: z.preprocess(emptyToUndefined, z.string().optional()),
    /** Only for tests: send Stripe API calls to a local recorder, e.g. http://127.0.0.1:12111. */
    STRIPE_API_BASE: z.preprocess(emptyToUndefined, z.string().url().optional()),

    // Rentals (lib/rentals)
    /** Rental period lengths in days, shortest first; each a multiple of the shortest (one fee per shortest period). */
    RENTAL_PERIOD_DAYS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default('7,14')
        .transform((v) => v.split(',').map((d) => Number(d.trim())))
        .pipe(
          z
            .array(z.number(DAYS).int(DAYS).min(1, DAYS).max(365, DAYS))
            .min(1, DAYS)
            .refine(
              ([first = 1, ...rest]) => rest.every((d, i, all) => d > (all[i - 1] ?? first) && d % first === 0),
              'must be increasing, each a multiple of the first (e.g. 7,14,28)',
            ),
        ),
    ),
    /** How long a copy is held for the first shopper in an edition's waitlist before it passes to the next (hours). */
    RENTAL_WAITLIST_HOLD_HOURS: wholeNumber(24, 1, 24 * 14),
    /** IANA time zone of the shop: a rental is due at the end of a local day (e.g. Europe/Berlin). */
    SHOP_TIME_ZONE: z.preprocess(
      emptyToUndefined,
      z.string().refine(isTimeZone, 'is not an IANA time zone such as Europe/Berlin or Asia/Shanghai').default('UTC'),
    ),
    /** Days before the due date that the "due soon" reminder goes out (lib/rentals/reminders.ts); 0: none. */
    RENTAL_REMINDER_DAYS_BEFORE: wholeNumber(2, 0, 30),

    // Digital library (lib/library)
    /** How long a download link works after it is made (hours). */
    LIBRARY_LINK_HOURS: wholeNumber(24, 1, 24 * 7),
    /** Downloads of each file per entitlement (an admin can give one entitlement more). */
    LIBRARY_DOWNLOAD_LIMIT: wholeNumber(5, 1, 1000),
    /** Without S3: the folder that keeps the library's files, outside public/ (only the download route serves them). */
    LIBRARY_FILES_DIR: z.preprocess(emptyToUndefined, z.string().default('.data/library-files')),

    // Mail
    SMTP_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL, e.g. smtps://user:pass@smtp.example.com:465')
        .optional(),
    ),
    MAIL_FROM: z.preprocess(emptyToUndefined, z.string().default('Encore <shop@localhost>')),
    /** Without SMTP_URL: write each mail as an .eml file into this folder instead of holding it (demo, tests). */
    MAIL_DIR: optionalString,

    // Retention: what the background jobs delete, and after how long (lib/jobs/retention.ts).
    RETAIN_MAIL_DAYS: wholeNumber(30, 1, 3650),
    RETAIN_RATE_LIMITS_DAYS: wholeNumber(1, 1, 365),
    RETAIN_GUEST_CARTS_DAYS: wholeNumber(60, 1, 3650),
    RETAIN_VISITOR_EVENTS_DAYS: wholeNumber(90, 1, 3650),

    // Uploads: local disk (public/uploads) unless S3_BUCKET is set; then any S3-compatible store.
    S3_BUCKET: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name (3–63 lower-case letters, digits, . and -)')
        .optional(),
    ),
    S3_REGION: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[a-z0-9-]{2,32}$/, 'must be a region such as us-east-1 (R2: auto)')
        .optional(),
    ),
    S3_ENDPOINT: httpUrl(
      'must be the http(s) URL of an S3-compatible endpoint, e.g. https://<account>.r2.cloudflarestorage.com',
    ),
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    S3_PUBLIC_URL: httpUrl('must be the public http(s) URL the bucket is read from, e.g. https://cdn.example.com'),
  })
  .superRefine((vars, context) => {
    if (vars.DEMO_PAYMENTS && vars.STRIPE_SECRET_KEY) {
      context.addIssue({
        code: 'custom',
        path: ['DEMO_PAYMENTS'],
        message: 'cannot be combined with STRIPE_SECRET_KEY: once Stripe is configured it takes every payment',
      });
    }
    const guestMinutes = vars.ORDER_GUEST_PAYMENT_MINUTES;
    if (guestMinutes !== undefined && guestMinutes > vars.ORDER_PAYMENT_MINUTES) {
      context.addIssue({
        code: 'custom',
        path: ['ORDER_GUEST_PAYMENT_MINUTES'],
        message: `must not be longer than ORDER_PAYMENT_MINUTES (${vars.ORDER_PAYMENT_MINUTES})`,
      });
    }
    if (guestMinutes !== undefined && guestMinutes < 30 && vars.STRIPE_SECRET_KEY) {
      context.addIssue({
        code: 'custom',
        path: ['ORDER_GUEST_PAYMENT_MINUTES'],
        message: 'must be at least 30 with Stripe: a Stripe Checkout Session stays payable for at least 30 minutes',
      });
    }
    const s3 = [
      vars.S3_BUCKET,
      vars.S3_REGION,
      vars.S3_ENDPOINT,
      vars.S3_ACCESS_KEY_ID,
      vars.S3_SECRET_ACCESS_KEY,
      vars.S3_PUBLIC_URL,
    ];
    if (s3.every((value) => value === undefined)) return;
    for (const name of ['S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
      if (!vars[name])
        context.addIssue({ code: 'custom', path: [name], message: 'is required when any S3_ variable is set' });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Formats zod issues as one line per variable, e.g. "STORE_CURRENCY: must be a three-letter…". */
export function describeEnvErrors(error: z.ZodError): string {
  return error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
}

/**
 * What a production server (NODE_ENV=production) must not run without, one sentence per variable;
 * empty when the settings are fit to serve. Checked at server start (instrumentation-node.ts), not by
 * `parseEnv`, so that commands such as `npm run db:migrate` still run with a partial environment.
 * The embedded database is also refused when it is opened (db/index.ts), `next build` included.
 */
export function productionProblems(vars: Env): string[] {
  if (vars.NODE_ENV !== 'production') return [];
  const embedded = embeddedDatabaseProblem(vars);
  const problems = embedded ? [embedded] : [];
  if (!vars.NEXTAUTH_SECRET)
    problems.push(
      'NEXTAUTH_SECRET: is required in production (it signs every session); generate one with `openssl rand -base64 32`',
    );
  if (vars.DATABASE_URL && !vars.ENCRYPTION_KEYS)
    problems.push(
      'ENCRYPTION_KEYS: is required with DATABASE_URL in production (it encrypts personal data at rest): ENCRYPTION_KEYS=k1:$(openssl rand -base64 32)',
    );
  if (!vars.STRIPE_SECRET_KEY && !vars.DEMO_PAYMENTS)
    problems.push(
      'STRIPE_SECRET_KEY: is required in production; to take demo payments on purpose (nothing is charged, ' +
        'anyone can mark an order paid with a button) set DEMO_PAYMENTS=1',
    );
  return problems;
}

/** In production, the embedded database is refused unless EMBEDDED_DATABASE=1 chose it; null when allowed. */
export function embeddedDatabaseProblem(vars: Env): string | null {
  if (vars.NODE_ENV !== 'production' || vars.DATABASE_URL || vars.EMBEDDED_DATABASE) return null;
  return (
    'DATABASE_URL: is required in production; to run on the embedded database on purpose (one process ' +
    'on one machine, files in PGLITE_DIR) set EMBEDDED_DATABASE=1'
  );
}

/** Throws one message listing every production problem (see `productionProblems`). */
export function assertReadyForProduction(vars: Env): void {
  const problems = productionProblems(vars);
  if (problems.length === 0) return;
  throw new Error(
    `Encore refuses to start in production with these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
      'See the "Configuration" and "Deployment" sections of README.md.',
  );
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new Error(
      `Encore cannot start: some environment variables are invalid.\n${describeEnvErrors(result.error)}\n` +
        'See the "Configuration" section of README.md.',
    );
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

/** The ENCRYPTION_KEYS format, `id:base64key,…` with 32-byte keys: checked here at start, used by lib/security/encryption.ts. */
export type Key = { id: string; key: Buffer };

/** Parses a key list; throws a sentence naming what is wrong. */
export function parseKeyList(raw: string): Key[] {
  const keys = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^([A-Za-z0-9_-]{1,16}):([A-Za-z0-9+/_=-]+)$/.exec(entry);
      if (!match) throw new Error('each key must be written id:base64key, e.g. k1:<openssl rand -base64 32>');
      const key = Buffer.from(match[2]!, 'base64');
      if (key.length !== 32) throw new Error(`key ${match[1]} must be 32 bytes (openssl rand -base64 32)`);
      return { id: match[1]!, key };
    });
  if (keys.length === 0) throw new Error('at least one key is needed');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error('key ids must be unique');
  return keys;
}
