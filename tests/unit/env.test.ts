import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

describe('environment', () => {
  it('starts with nothing set, on the embedded database in US dollars', () => {
    expect(parseEnv({})).toMatchObject({ PGLITE_DIR: '.data/pglite', STORE_CURRENCY: 'USD' });
    expect(parseEnv({ STORE_CURRENCY: 'eur' }).STORE_CURRENCY).toBe('EUR');
  });

  it('refuses what it cannot use, naming the variable and saying what it needs', () => {
    expect(() => parseEnv({ STORE_CURRENCY: 'dollars' })).toThrow(
      /STORE_CURRENCY: must be a three-letter ISO 4217 code such as USD, EUR or CNY/,
    );
    expect(() => parseEnv({ STORE_CURRENCY: 'UDS' })).toThrow(/STORE_CURRENCY: is not an ISO 4217 currency code/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://localhost/shop' })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ connection URL[\s\S]*"Configuration" section of README\.md/,
    );
  });

  it('reads the rental periods and the shop time zone, refusing lists and zones it cannot use', () => {
    expect(parseEnv({})).toMatchObject({ RENTAL_PERIOD_DAYS: [7, 14], SHOP_TIME_ZONE: 'UTC' });
    expect(parseEnv({ RENTAL_PERIOD_DAYS: '5, 10,30', SHOP_TIME_ZONE: 'Asia/Shanghai' })).toMatchObject({
      RENTAL_PERIOD_DAYS: [5, 10, 30],
      SHOP_TIME_ZONE: 'Asia/Shanghai',
    });
    for (const days of ['7,10', '14,7', '7,7', '0', 'seven', '400']) {
      expect(() => parseEnv({ RENTAL_PERIOD_DAYS: days }), days).toThrow(/RENTAL_PERIOD_DAYS(\.\d)?: must be/);
    }
    expect(() => parseEnv({ SHOP_TIME_ZONE: 'Mars/Olympus' })).toThrow(/SHOP_TIME_ZONE: is not an IANA time zone/);
  });

  it('reads how long the rental waitlist holds a copy: 24 hours unless set, 1 to 336', () => {
    expect(parseEnv({})).toMatchObject({ RENTAL_WAITLIST_HOLD_HOURS: 24 });
    expect(parseEnv({ RENTAL_WAITLIST_HOLD_HOURS: '48' })).toMatchObject({ RENTAL_WAITLIST_HOLD_HOURS: 48 });
    for (const hours of ['0', '337', '1.5', 'a day']) {
      expect(() => parseEnv({ RENTAL_WAITLIST_HOLD_HOURS: hours }), hours).toThrow(/RENTAL_WAITLIST_HOLD_HOURS: /);
    }
  });

  it('reads the digital library link hours (24, 1 to 168) and download limit (5, 1 to 1000)', () => {
    expect(parseEnv({})).toMatchObject({ LIBRARY_LINK_HOURS: 24, LIBRARY_DOWNLOAD_LIMIT: 5 });
    expect(parseEnv({ LIBRARY_LINK_HOURS: '2', LIBRARY_DOWNLOAD_LIMIT: '3' })).toMatchObject({
      LIBRARY_LINK_HOURS: 2,
      LIBRARY_DOWNLOAD_LIMIT: 3,
    });
    for (const value of ['0', '1.5', 'many']) {
      expect(() => parseEnv({ LIBRARY_LINK_HOURS: value }), value).toThrow(/LIBRARY_LINK_HOURS: /);
      expect(() => parseEnv({ LIBRARY_DOWNLOAD_LIMIT: value }), value).toThrow(/LIBRARY_DOWNLOAD_LIMIT: /);
    }
    expect(() => parseEnv({ LIBRARY_LINK_HOURS: '169' })).toThrow(/LIBRARY_LINK_HOURS: /);
  });
});
