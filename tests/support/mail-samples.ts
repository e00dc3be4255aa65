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
