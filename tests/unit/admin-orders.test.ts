import { describe, expect, it } from 'vitest';
import { minorToInput, parseAmountToMinor } from '@/lib/admin/orders/amount';
import { CARRIER_CODES, carrierName, trackingUrl } from '@/lib/orders/carriers';
import {
  normaliseOrderNumber,
  orderFiltersQuery,
  readOrderFilters,
  refundOrderSchema,
  shipOrderSchema,
} from '@/lib/admin/orders/validation';
import { adjustStockSchema } from '@/lib/admin/stock/validation';
import { renderMail } from '@/lib/mail/templates';
import { SAMPLE_ORDER_MAIL } from '@/tests/support/mail-samples';

describe('amounts typed by staff', () => {
  it('reads a thousands comma at the end, takes up to the largest amount a column holds, and writes negatives', () => {
    expect(parseAmountToMinor('1,299', 'USD')).toBe(129900);
    expect(parseAmountToMinor('21474836.47', 'USD')).toBe(2_147_483_647);
    expect(parseAmountToMinor('21474836.48', 'USD')).toBeNull();
    expect(parseAmountToMinor('999999999.99', 'USD')).toBeNull();
    expect(minorToInput(-1250, 'USD')).toBe('-12.50');
    expect(minorToInput(-5, 'USD')).toBe('-0.05');
  });

  it('turns major units into minor units without rounding', () => {
    expect(parseAmountToMinor('12.50', 'USD')).toBe(1250);
    expect(parseAmountToMinor(' 12.5 ', 'USD')).toBe(1250);
    expect(parseAmountToMinor('12', 'USD')).toBe(1200);
    expect(parseAmountToMinor('0.07', 'USD')).toBe(7);
    expect(parseAmountToMinor('1,299.00', 'USD')).toBe(129900);
    expect(parseAmountToMinor('1500', 'JPY')).toBe(1500);
    expect(parseAmountToMinor('0', 'USD')).toBe(0);
  });

  it('refuses what is not a plain amount in that currency', () => {
    for (const bad of ['12.505', '-1', '1e3', 'ten', '', '.5.', '12,50', '0x10', '99999999999']) {
      expect(parseAmountToMinor(bad, 'USD'), bad).toBeNull();
    }
    expect(parseAmountToMinor('15.5', 'JPY')).toBeNull();
    expect(parseAmountToMinor(12.5, 'USD')).toBeNull();
  });

  it('writes minor units back as the text of an amount field', () => {
    expect(minorToInput(1250, 'USD')).toBe('12.50');
    expect(minorToInput(7, 'USD')).toBe('0.07');
    expect(minorToInput(0, 'USD')).toBe('0.00');
    expect(minorToInput(1500, 'JPY')).toBe('1500');
    for (const minor of [1, 99, 100, 2499, 123456])
      expect(parseAmountToMinor(minorToInput(minor, 'EUR'), 'EUR')).toBe(minor);
  });
});

describe('carriers', () => {
  it('builds each known carrier tracking URL with the number encoded', () => {
    expect(trackingUrl('ups', '1Z999AA10123456784')).toBe('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(trackingUrl('royal_mail', 'RM 12/3')).toBe(
      'https://www.royalmail.com/track-your-item#/tracking-results/RM%2012%2F3',
    );
    expect(trackingUrl('other', 'X123')).toBeNull();
    for (const code of CARRIER_CODES.filter((c) => c !== 'other')) {
      expect(trackingUrl(code, 'ABC123')).toMatch(/^https:\/\/[^\s]+ABC123/);
    }
  });

  it('names the carrier, or what staff typed for "other"', () => {
    expect(carrierName('sf_express')).toBe('SF Express');
    expect(carrierName('other', '  Local Courier ')).toBe('Local Courier');
    expect(carrierName('other', '')).toBe('Other');
  });

  it('validates the shipping form', () => {
    expect(
      shipOrderSchema.safeParse({ orderId: '7', carrier: 'dhl', trackingNumber: ' JD 0146 0000 03 ' }).data,
    ).toEqual({
      orderId: 7,
      carrier: 'dhl',
      carrierName: '',
      trackingNumber: 'JD0146000003',
    });
    expect(shipOrderSchema.safeParse({ orderId: '7', carrier: 'dhl', trackingNumber: '<b>' }).success).toBe(false);
    expect(shipOrderSchema.safeParse({ orderId: '0', carrier: 'dhl', trackingNumber: 'JD123456' }).success).toBe(false);
    expect(refundOrderSchema.safeParse({ orderId: '3', amount: '' }).success).toBe(false);
  });
});

describe('order list filters', () => {
  it('reads filters from the URL, dropping anything malformed', () => {
    expect(
      readOrderFilters({ status: 'shipped', from: '2026-01-31', to: '2026-02-01', q: ' ada ', page: '3' }),
    ).toEqual({
      status: 'shipped',
      from: '2026-01-31',
      to: '2026-02-01',
      q: 'ada',
      customer: null,
      page: 3,
    });
    expect(readOrderFilters({ status: ['paid', 'x'], from: '2026-02-30', customer: '42', page: '0' })).toMatchObject({
      status: 'paid',
      from: null,
      customer: 42,
      page: 1,
    });
  });

  it('writes them back, leaving out page 1 and empty filters', () => {
    expect(orderFiltersQuery({ status: 'paid', q: 'a@b.c', page: 1 })).toBe('?status=paid&q=a%40b.c');
    expect(orderFiltersQuery({ page: 2 })).toBe('?page=2');
    expect(orderFiltersQuery({})).toBe('');
  });

  it('recognises order numbers as typed', () => {
    expect(normaliseOrderNumber('en-100001')).toBe('EN-100001');
    expect(normaliseOrderNumber('EN100001')).toBe('EN-100001');
    expect(normaliseOrderNumber(' 100001 ')).toBe('EN-100001');
    expect(normaliseOrderNumber('ada@example.com')).toBeNull();
  });
});

describe('stock adjustment form', () => {
  const parse = (fields: Record<string, string>) => adjustStockSchema.safeParse({ editionId: '5', ...fields });
  it('reads signed deltas', () => {
    expect(parse({ reason: 'restock', delta: '+12' }).data?.delta).toBe(12);
    expect(parse({ reason: 'restock', delta: '12' }).data?.delta).toBe(12);
    expect(parse({ reason: 'damaged', delta: '- 2' }).data?.delta).toBe(-2);
    expect(parse({ reason: 'correction', delta: '-3', note: 'Counted' }).data?.delta).toBe(-3);
  });
  it('ties the sign to the reason and asks for a note on corrections', () => {
    const message = (fields: Record<string, string>) => parse(fields).error?.issues[0]?.message;
    expect(message({ reason: 'restock', delta: '-1' })).toBe('restockPositive');
    expect(message({ reason: 'damaged', delta: '1' })).toBe('damagedNegative');
    expect(message({ reason: 'correction', delta: '1' })).toBe('noteRequired');
    expect(message({ reason: 'restock', delta: '0' })).toBe('deltaZero');
    expect(message({ reason: 'restock', delta: '1.5' })).toBe('deltaInvalid');
    expect(message({ reason: 'order', delta: '1' })).toBe('reasonRequired');
  });
});

describe('the shipped mail', () => {
  it('links the tracking number to the carrier page, in HTML and text', () => {
    for (const locale of ['en', 'zh'] as const) {
      const mail = renderMail(
        'orderShipped',
        {
          ...SAMPLE_ORDER_MAIL,
          carrier: 'UPS',
          trackingNumber: '1Z999AA10123456784',
          trackingUrl: trackingUrl('ups', '1Z999AA10123456784'),
        },
        locale,
      );
      expect(mail.html).toContain('href="https://www.ups.com/track?tracknum=1Z999AA10123456784"');
      expect(mail.text).toContain('https://www.ups.com/track?tracknum=1Z999AA10123456784');
      expect(mail.subject).toContain('EN-100001');
    }
  });
});
