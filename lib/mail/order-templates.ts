import { formatLabel } from '@/lib/catalog/format-label';
import type { Locale } from '@/lib/i18n/config';
import type { MailBlock } from './layout';
import { greeting, MAIL_LINKS, type MailTranslator, money, template, tOrders } from './template-kit';

/** An order as order mails show it: amounts in minor units, formatted in the mail's language. */
export type OrderMailData = {
  name: string;
  number: string;
  /** Absolute link to the order page (with the guest access key when there is no account). */
  orderUrl: string;
  currency: string;
  /** A rental line (with its period) shows the fee as its total and its deposit under `depositMinor`. */
  lines: {
    title: string;
    format: string;
    quantity: number;
    lineTotalMinor: number;
    rentalPeriodDays?: number | null;
  }[];
  /** The refundable rental deposits in the total (absent in mails queued before rentals). */
  depositMinor?: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
};

/** The lines and totals of an order as label/value rows. */
function orderDetails(order: OrderMailData, t: MailTranslator, locale: Locale): MailBlock {
  return {
    kind: 'details',
    rows: [
      { label: t('order.number'), value: order.number, url: order.orderUrl },
      ...order.lines.map((line) => {
        const values = { title: line.title, format: formatLabel(line.format, locale) };
        return {
          label: line.rentalPeriodDays
            ? t('order.rentalLine', { ...values, days: line.rentalPeriodDays })
            : t('order.line', { ...values, quantity: line.quantity }),
          value: money(line.lineTotalMinor, order.currency, locale),
        };
      }),
      ...(order.shippingMinor > 0
        ? [{ label: t('order.shipping'), value: money(order.shippingMinor, order.currency, locale) }]
        : []),
      ...(order.taxMinor > 0 ? [{ label: t('order.tax'), value: money(order.taxMinor, order.currency, locale) }] : []),
      ...(order.depositMinor
        ? [{ label: t('order.deposit'), value: money(order.depositMinor, order.currency, locale) }]
        : []),
      { label: t('order.total'), value: money(order.totalMinor, order.currency, locale) },
    ],
  };
}

/** Mails about an order, its shipment, returns and refunds. */
export const orderTemplates = {
  orderConfirmation: template<OrderMailData>((order, { t, locale }) => ({
    subject: t('order.confirmation.subject', { number: order.number }),
    preheader: t('order.confirmation.preheader', { total: money(order.totalMinor, order.currency, locale) }),
    heading: t('order.confirmation.heading'),
    blocks: [
      greeting(t, order.name),
      { kind: 'paragraph', text: t('order.confirmation.intro', { number: order.number }) },
      orderDetails(order, t, locale),
      { kind: 'button', label: t('order.viewOrder'), url: order.orderUrl },
      { kind: 'note', text: t('order.confirmation.next') },
    ],
  })),

  orderCancelled: template<
    OrderMailData & { refundedMinor: number; reason: 'customer' | 'expired' | 'payment_failed' | 'admin' }
  >((order, { t, locale }) => ({
    subject: t('order.cancelled.subject', { number: order.number }),
    preheader: t(`order.cancelled.reason.${order.reason}`),
    heading: t('order.cancelled.heading'),
    blocks: [
      greeting(t, order.name),
      { kind: 'paragraph', text: t(`order.cancelled.reason.${order.reason}`) },
      ...(order.refundedMinor > 0
        ? [
            {
              kind: 'paragraph' as const,
              text: t('order.cancelled.refund', { amount: money(order.refundedMinor, order.currency, locale) }),
            },
          ]
        : []),
      { kind: 'button', label: t('order.viewOrder'), url: order.orderUrl },
    ],
  })),

  returnRequested: template<{ name: string; number: string; orderUrl: string }>(
    ({ name, number, orderUrl }, { t }) => ({
      subject: t('order.returnRequested.subject', { number }),
      preheader: t('order.returnRequested.preheader'),
      heading: t('order.returnRequested.heading'),
      blocks: [
        greeting(t, name),
        { kind: 'paragraph', text: t('order.returnRequested.intro', { number }) },
        { kind: 'button', label: t('order.viewOrder'), url: orderUrl },
      ],
    }),
  ),

  /** Staff marked the order shipped; `trackingUrl` is the carrier's page (null when unknown). */
  orderShipped: template<OrderMailData & { carrier: string; trackingNumber: string; trackingUrl: string | null }>(
    (order, { t, locale }) => ({
      subject: tOrders(t)('order.shipped.subject', { number: order.number }),
      preheader: tOrders(t)('order.shipped.preheader', { carrier: order.carrier }),
      heading: tOrders(t)('order.shipped.heading'),
      blocks: [
        greeting(t, order.name),
        {
          kind: 'paragraph',
          text: tOrders(t)('order.shipped.intro', { number: order.number, carrier: order.carrier }),
        },
        {
          kind: 'details',
          rows: [
            { label: tOrders(t)('order.shipped.carrier'), value: order.carrier },
            {
              label: tOrders(t)('order.shipped.trackingNumber'),
              value: order.trackingNumber,
              ...(order.trackingUrl ? { url: order.trackingUrl } : {}),
            },
          ],
        },
        orderDetails(order, t, locale),
        { kind: 'button', label: t('order.viewOrder'), url: order.orderUrl },
        { kind: 'note', text: tOrders(t)('order.shipped.note') },
      ],
    }),
  ),

  orderDelivered: template<{ name: string; number: string; orderUrl: string }>(({ name, number, orderUrl }, { t }) => ({
    subject: tOrders(t)('order.delivered.subject', { number }),
    preheader: tOrders(t)('order.delivered.preheader'),
    heading: tOrders(t)('order.delivered.heading'),
    blocks: [
      greeting(t, name),
      { kind: 'paragraph', text: tOrders(t)('order.delivered.intro', { number }) },
      { kind: 'button', label: t('order.viewOrder'), url: orderUrl },
      { kind: 'note', text: tOrders(t)('order.delivered.returns') },
    ],
  })),

  /** A fresh order link, asked for on the order page (the words are in messages/{locale}/orders-safeguards.json). */
  orderLink: template<{ name: string; number: string; orderUrl: string; days: number }>(
    ({ name, number, orderUrl, days }, { t }) => ({
      subject: tOrders(t)('orderLink.subject', { number }),
      preheader: tOrders(t)('orderLink.preheader', { days }),
      heading: tOrders(t)('orderLink.heading'),
      blocks: [
        greeting(t, name),
        { kind: 'paragraph', text: tOrders(t)('orderLink.intro', { number }) },
        { kind: 'button', label: t('order.viewOrder'), url: orderUrl },
        { kind: 'note', text: tOrders(t)('orderLink.expiry', { days }) },
        { kind: 'note', text: tOrders(t)('orderLink.ignore') },
      ],
    }),
  ),

  /** A refund went through at the payment provider (in part or in full). */
  refundIssued: template<{
    name: string;
    number: string;
    orderUrl: string;
    currency: string;
    amountMinor: number;
    refundedTotalMinor: number;
    totalMinor: number;
  }>((refund, { t, locale }) => ({
    subject: tOrders(t)('order.refundIssued.subject', { number: refund.number }),
    preheader: tOrders(t)('order.refundIssued.preheader', {
      amount: money(refund.amountMinor, refund.currency, locale),
    }),
    heading: tOrders(t)('order.refundIssued.heading'),
    blocks: [
      greeting(t, refund.name),
      {
        kind: 'paragraph',
        text: tOrders(t)('order.refundIssued.intro', {
          number: refund.number,
          amount: money(refund.amountMinor, refund.currency, locale),
        }),
      },
      {
        kind: 'details',
        rows: [
          { label: t('order.number'), value: refund.number, url: refund.orderUrl },
          { label: tOrders(t)('order.refundIssued.amount'), value: money(refund.amountMinor, refund.currency, locale) },
          {
            label: tOrders(t)('order.refundIssued.refundedTotal'),
            value: money(refund.refundedTotalMinor, refund.currency, locale),
          },
          { label: t('order.total'), value: money(refund.totalMinor, refund.currency, locale) },
        ],
      },
      { kind: 'button', label: t('order.viewOrder'), url: refund.orderUrl },
      { kind: 'note', text: tOrders(t)('order.refundIssued.timing') },
    ],
  })),

  /** A return request was approved; `message` is staff's note to the customer (may be empty). */
  returnApproved: template<{ name: string; number: string; orderUrl: string; returnNumber: string; message: string }>(
    ({ name, number, orderUrl, returnNumber, message }, { t }) => ({
      subject: tOrders(t)('order.returnApproved.subject', { number }),
      preheader: tOrders(t)('order.returnApproved.preheader', { returnNumber }),
      heading: tOrders(t)('order.returnApproved.heading'),
      blocks: [
        greeting(t, name),
        { kind: 'paragraph', text: tOrders(t)('order.returnApproved.intro', { number, returnNumber }) },
        ...(message.trim() ? [{ kind: 'paragraph' as const, text: message.trim() }] : []),
        { kind: 'paragraph', text: tOrders(t)('order.returnApproved.instructions', { returnNumber }) },
        { kind: 'button', label: t('order.viewOrder'), url: orderUrl },
        { kind: 'note', text: tOrders(t)('order.returnApproved.refundNote') },
      ],
    }),
  ),

  /** A return request was declined, with staff's reason. */
  returnRejected: template<{ name: string; number: string; orderUrl: string; reason: string }>(
    ({ name, number, orderUrl, reason }, { t }) => ({
      subject: tOrders(t)('order.returnRejected.subject', { number }),
      preheader: tOrders(t)('order.returnRejected.preheader'),
      heading: tOrders(t)('order.returnRejected.heading'),
      blocks: [
        greeting(t, name),
        { kind: 'paragraph', text: tOrders(t)('order.returnRejected.intro', { number }) },
        { kind: 'paragraph', text: reason.trim() },
        { kind: 'button', label: t('order.viewOrder'), url: orderUrl },
        {
          kind: 'note',
          text: tOrders(t)('order.returnRejected.help'),
          link: { label: t('welcome.helpLink'), url: MAIL_LINKS.help },
        },
      ],
    }),
  ),
};
