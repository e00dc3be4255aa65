import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card, EmptyState } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import type { KeepRentalState } from '@/lib/actions/rentals';
import { type KeepOfferView, KeepRentalForm } from './keep-rental-form';

/** Where a rental stands, with its amounts formatted and its due date written out. */
export type RentalStateView =
  | { kind: 'awaitingPayment' }
  | { kind: 'awaitingDispatch' }
  | { kind: 'out'; dueDate: string; daysLeft: number }
  | { kind: 'overdue'; dueDate: string; daysLate: number; lateFee: string; perDay: string }
  | { kind: 'returned'; lateFee: string; refund: string; damage: string | null }
  | { kind: 'cancelled' }
  | { kind: 'kept'; date: string; price: string | null; fromDeposit: string; lateFee: string | null; refund: string }
  | { kind: 'lost'; date: string; lateFee: string; charge: string; refund: string };

/**
 * "Keep it" on an out rental: the offer with its breakdown; or the shortfall of an earlier "Keep it"
 * still to pay on its order; or that payment received (the copy becomes the shopper's in a moment).
 */
export type KeepView =
  | { kind: 'offer'; offer: KeepOfferView; initial: KeepRentalState | null }
  | { kind: 'paying'; amount: string; orderNumber: string }
  | { kind: 'paid' };

export type RentalListItem = {
  id: number;
  title: string;
  slug: string;
  /** "Blu-ray · Collector's edition" */
  edition: string;
  orderNumber: string | null;
  periodDays: number;
  fee: string;
  deposit: string;
  /** How the shop sent it, when it said: carrier, tracking number and the carrier's tracking page. */
  tracking: { carrier: string; number: string; url: string | null } | null;
  state: RentalStateView;
  keep?: KeepView | null;
};

function Tracking({ tracking }: { tracking: RentalListItem['tracking'] }) {
  const t = useTranslations('accountRentals');
  if (!tracking) return null;
  return (
    <p className="mt-1">
      {t('sentWith', { carrier: tracking.carrier })}{' '}
      {tracking.url ? (
        // The carrier's own page: a plain link out of the shop.
        <a
          href={tracking.url}
          rel="noopener noreferrer"
          target="_blank"
          className="font-mono font-semibold text-brand-700 hover:underline"
        >
          {tracking.number}
        </a>
      ) : (
        <span className="font-mono">{tracking.number}</span>
      )}
    </p>
  );
}

const TONES: Record<RentalStateView['kind'], BadgeTone> = {
  awaitingPayment: 'muted',
  awaitingDispatch: 'info',
  out: 'success',
  overdue: 'brand',
  returned: 'muted',
  cancelled: 'muted',
  kept: 'info',
  lost: 'muted',
};

/** The shopper's rentals (/account/rentals): each with its status, due date, amounts and order. */
export function RentalList({ items }: { items: RentalListItem[] }) {
  const t = useTranslations('accountRentals');
  const keepT = useTranslations('RentalKeep');
  const statusLabel = (kind: RentalStateView['kind']) =>
    kind === 'kept' || kind === 'lost' ? keepT(`status.${kind}`) : t(`status.${kind}`);
  if (items.length === 0) {
    return (
      <EmptyState>
        {t('empty')} <TextLink href="/">{t('browse')}</TextLink>
      </EmptyState>
    );
  }
  return (
    <Card as="ul" className="mt-6 divide-y divide-stone-200">
      {items.map((item) => (
        <li key={item.id} aria-labelledby={`rental-${item.id}`} className="p-4 text-sm">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h2 id={`rental-${item.id}`} className="font-semibold">
              <Link href={`/products/${item.slug}`} className="hover:underline">
                {item.title}
              </Link>
              <span className="block text-sm font-normal text-stone-600">{item.edition}</span>
            </h2>
            <Badge tone={TONES[item.state.kind]}>{statusLabel(item.state.kind)}</Badge>
          </div>
          <p className="mt-1 text-stone-600">
            {t('terms', { days: item.periodDays, fee: item.fee, deposit: item.deposit })}
          </p>
          <RentalStateText item={item} />
          {item.keep?.kind === 'offer' && (
            <KeepRentalForm rentalId={item.id} title={item.title} offer={item.keep.offer} initial={item.keep.initial} />
          )}
          {item.keep?.kind === 'paying' && (
            <p className="mt-2 font-medium">
              {keepT('paying', { amount: item.keep.amount })}{' '}
              <TextLink href={`/orders/${item.keep.orderNumber}`}>
                {keepT('payNow', { number: item.keep.orderNumber })}
              </TextLink>
            </p>
          )}
          {item.keep?.kind === 'paid' && <p className="mt-2 font-medium">{keepT('paid')}</p>}
          {item.orderNumber && (
            <p className="mt-2">
              <TextLink href={`/orders/${item.orderNumber}`}>{t('order', { number: item.orderNumber })}</TextLink>
            </p>
          )}
        </li>
      ))}
    </Card>
  );
}

function RentalStateText({ item }: { item: RentalListItem }) {
  const t = useTranslations('accountRentals');
  const keepT = useTranslations('RentalKeep');
  const { state } = item;
  const returnHow = item.orderNumber ? t('returnHow') : t('returnHowNoOrder');
  switch (state.kind) {
    case 'awaitingPayment':
      return <p className="mt-2">{t('awaitingPayment')}</p>;
    case 'awaitingDispatch':
      return <p className="mt-2">{t('awaitingDispatch', { days: item.periodDays })}</p>;
    case 'out':
      return (
        <>
          <p className="mt-2 font-medium">
            {t('due', { date: state.dueDate })} · {t('daysLeft', { count: state.daysLeft })}
          </p>
          <Tracking tracking={item.tracking} />
          <p className="mt-1 text-stone-600">{returnHow}</p>
        </>
      );
    case 'overdue':
      return (
        <>
          <p className="mt-2 font-medium text-brand-700">
            {t('due', { date: state.dueDate })} · {t('daysLate', { count: state.daysLate })}
          </p>
          <p className="mt-1">{t('lateFeeSoFar', { fee: state.lateFee, perDay: state.perDay })}</p>
          <p className="mt-1 text-stone-600">{returnHow}</p>
        </>
      );
    case 'returned':
      return (
        <p className="mt-2">
          {t('returned', { lateFee: state.lateFee, refund: state.refund })}
          {state.damage && <> {t('damage', { amount: state.damage })}</>}
        </p>
      );
    case 'cancelled':
      return <p className="mt-2 text-stone-600">{t('cancelled')}</p>;
    case 'kept':
      return state.price === null ? (
        <p className="mt-2">{keepT('converted', { date: state.date, deposit: item.deposit })}</p>
      ) : (
        <p className="mt-2">
          {keepT('kept', {
            date: state.date,
            price: state.price,
            fromDeposit: state.fromDeposit,
            refund: state.refund,
          })}
          {state.lateFee && <> {keepT('keptLateFee', { lateFee: state.lateFee })}</>}
        </p>
      );
    case 'lost':
      return (
        <p className="mt-2">
          {keepT('lost', { date: state.date, lateFee: state.lateFee, charge: state.charge, refund: state.refund })}
        </p>
      );
  }
}
