import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { type KeepView, type RentalListItem, type RentalStateView, RentalList } from '@/components/account/rental-list';
import { formatPrice } from '@/components/store/price';
import { PageHeader } from '@/components/ui/page-header';
import { userOrSignIn } from '@/lib/auth/guards';
import { now as clockNow } from '@/lib/clock';
import { env } from '@/lib/env';
import { LOCALE_TAGS, type Locale } from '@/lib/i18n/config';
import { resolveLocale } from '@/lib/i18n/server';
import type { KeepRentalState } from '@/lib/actions/rentals';
import { formResult } from '@/lib/http/form-result';
import { keepQuote } from '@/lib/rentals/keep-quote';
import { formatLocalDate, localDate } from '@/lib/rentals/local-days';
import { listRentalsForUser, rentalState, type ShopperRental } from '@/lib/rentals/shopper-queries';
import { WaitlistPlaces } from '@/components/account/waitlist-places';
import { ClientMessages } from '@/components/store/client-messages';
import { listWaitlistPlaces } from '@/lib/rentals/waitlist-queries';

type Props = { params: Promise<{ locale: string }> };

// Reads the session on every request: rendered in full before its first byte (no loading.tsx, whose
// streamed page only a script reveals); the account layout shows a skeleton while a link is pending.
export const instant = false;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'accountRentals' });
  return { title: t('title') };
}

/** The shopper's rentals, newest first: status, due date in the shop's time zone, amounts, order. */
export default async function AccountRentalsPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const user = await userOrSignIn('/account/rentals');
  const [rentals, t, common, places, keepAnswer] = await Promise.all([
    listRentalsForUser(user),
    getTranslations({ locale, namespace: 'accountRentals' }),
    getTranslations({ locale, namespace: 'common' }),
    listWaitlistPlaces(user.id),
    formResult<KeepRentalState>('keepRental'),
  ]);
  const now = clockNow();
  const items: RentalListItem[] = rentals.map((rental) => ({
    id: rental.id,
    title: rental.productTitle,
    slug: rental.productSlug,
    edition: [common(`format.${rental.format}`), rental.editionName].filter(Boolean).join(' · '),
    orderNumber: rental.orderNumber,
    periodDays: rental.periodDays,
    fee: formatPrice(rental.feeMinor, locale),
    deposit: formatPrice(rental.depositMinor, locale),
    tracking:
      rental.carrier && rental.trackingNumber
        ? { carrier: rental.carrier, number: rental.trackingNumber, url: rental.trackingUrl }
        : null,
    state: stateView(rental, now, locale),
    keep: keepView(rental, now, locale, keepAnswer?.rentalId === rental.id ? keepAnswer : null),
  }));
  return (
    <div>
      <PageHeader title={t('title')} intro={t('intro', { timeZone: env.SHOP_TIME_ZONE })} />
      {/* "Keep it" is a client form: its words go to the browser. */}
      <ClientMessages namespaces={['RentalKeep']} locale={locale}>
        <RentalList items={items} />
      </ClientMessages>
      <ClientMessages namespaces={['rentalWaitlist']} locale={locale}>
        <WaitlistPlaces
          items={places.map((place) => ({
            id: place.id,
            title: place.productTitle,
            slug: place.productSlug,
            edition: [common(`format.${place.format}`), place.editionName].filter(Boolean).join(' · '),
            status: place.status,
            position: place.position,
            holdUntil: place.holdUntil ? holdTime(place.holdUntil, locale) : null,
          }))}
        />
      </ClientMessages>
    </div>
  );
}

function stateView(rental: ShopperRental, now: Date, locale: Locale): RentalStateView {
  const state = rentalState(rental, now);
  const money = (minor: number) => formatPrice(minor, locale);
  const date = (day: string) => formatLocalDate(day, LOCALE_TAGS[locale]);
  switch (state.kind) {
    case 'out':
      return { ...state, dueDate: date(state.dueDate) };
    case 'overdue':
      return {
        kind: 'overdue',
        dueDate: date(state.dueDate),
        daysLate: state.daysLate,
        lateFee: money(state.lateFeeMinor),
        perDay: money(rental.lateFeePerDayMinor),
      };
    case 'returned':
      return {
        kind: 'returned',
        lateFee: money(state.lateFeeMinor),
        refund: money(state.refundMinor),
        damage: state.damageChargeMinor > 0 ? money(state.damageChargeMinor) : null,
      };
    case 'kept':
      return {
        kind: 'kept',
        date: date(localDate(state.keptAt, env.SHOP_TIME_ZONE)),
        price: state.buyOutPriceMinor === null ? null : money(state.buyOutPriceMinor),
        fromDeposit: money(state.fromDepositMinor),
        lateFee: state.lateFeeMinor > 0 ? money(state.lateFeeMinor) : null,
        refund: money(state.refundMinor),
      };
    case 'lost':
      return {
        kind: 'lost',
        date: date(localDate(state.lostAt, env.SHOP_TIME_ZONE)),
        lateFee: money(state.lateFeeMinor),
        charge: money(state.chargeMinor),
        refund: money(state.refundMinor),
      };
    default:
      return state;
  }
}

/** When a waitlist hold ends, in the shop's time zone (as every rental date on this page). */
function holdTime(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: env.SHOP_TIME_ZONE,
  }).format(at);
}

/** "Keep it" on an out rental (lib/rentals/keep.ts): the quote at `now`, or where its shortfall's payment stands. */
function keepView(rental: ShopperRental, now: Date, locale: Locale, answer: KeepRentalState | null): KeepView | null {
  if (rental.status !== 'out' || !rental.dueAt) return null;
  const money = (minor: number) => formatPrice(minor, locale);
  if (rental.buyOutOrderStatus === 'paid') return { kind: 'paid' };
  if (rental.buyOutOrderStatus === 'pending_payment' && rental.buyOutOrderNumber) {
    return { kind: 'paying', amount: money(rental.buyOutOrderTotalMinor ?? 0), orderNumber: rental.buyOutOrderNumber };
  }
  const quote = keepQuote({ ...rental, dueAt: rental.dueAt }, now, env.SHOP_TIME_ZONE);
  return {
    kind: 'offer',
    offer: {
      price: money(quote.priceMinor),
      sale: money(quote.salePriceMinor),
      fee: money(quote.feePaidMinor),
      lateFee: quote.lateFeeMinor > 0 ? money(quote.lateFeeMinor) : null,
      fromDeposit: money(quote.fromDepositMinor),
      refund: money(quote.refundMinor),
      toPay: quote.shortfallMinor > 0 ? money(quote.shortfallMinor) : null,
      priceMinor: quote.priceMinor,
      lateFeeMinor: quote.lateFeeMinor,
    },
    initial: answer,
  };
}
