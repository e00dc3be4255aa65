import { env } from '@/lib/env';

/** The order the order mails' tests show: one vinyl record, shipping, no tax. */
export const SAMPLE_ORDER_MAIL = {
  name: 'Ada',
  number: 'EN-100001',
  orderUrl: `${env.SITE_URL}/orders/EN-100001?key=k`,
  currency: 'USD',
  lines: [{ title: 'Neon Harbour', format: 'vinyl', quantity: 1, lineTotalMinor: 2899 }],
  shippingMinor: 499,
  taxMinor: 0,
  totalMinor: 3398,
};

/** The rental the rental mails' tests show: a Blu-ray sent for 7 days, due back on 8 April 2026. */
export const SAMPLE_RENTAL_MAIL = {
  name: 'Ada',
  title: 'Neon Harbour',
  format: 'bluray',
  editionName: 'Steelbook',
  copyCode: 'BR-0042',
  periodDays: 7,
  dueDate: '2026-04-08',
  currency: 'USD',
  lateFeePerDayMinor: 150,
  depositMinor: 2499,
  orderNumber: 'EN-100001',
  rentalsUrl: `${env.SITE_URL}/account/rentals`,
};

/** The mails about a kept rental (lib/mail/rental-keep-templates.ts), one sample each. */
const SAMPLE_RENTAL = {
  name: 'Ada',
  title: 'Neon Harbour',
  format: 'bluray',
  editionName: 'Director’s cut',
  currency: 'USD',
  rentalsUrl: '/account/rentals',
};
export const SAMPLE_RENTAL_KEEP_MAILS = {
  rentalKept: { ...SAMPLE_RENTAL, priceMinor: 2500, lateFeeMinor: 300, fromDepositMinor: 2500, refundMinor: 199 },
  rentalConverted: { ...SAMPLE_RENTAL, depositMinor: 2999, lateFeePerDayMinor: 150 },
};
